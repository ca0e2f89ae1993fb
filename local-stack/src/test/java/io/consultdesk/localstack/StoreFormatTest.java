package io.consultdesk.localstack;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store's file format: what clients store comes back the same, unique indexes hold, old files convert. */
class StoreFormatTest {

    @TempDir
    Path dir;

    @Test
    void documentsComeBackAsStoredAndUniqueIndexesStillRefuseDuplicates() {
        Path file = dir.resolve("store.mv");
        Document stored = new Document("_id", "sub-1").append("opinion", "建议对第（十五）条进一步明确")
                .append("clauses", List.of("（十五）", "（十一）")).append("sequence", 7L).append("count", 3)
                .append("share", 0.25).append("at", Date.from(Instant.parse("2024-09-16T02:00:00Z")))
                .append("nested", new Document("bureau", "市科技创新局").append("none", null)).append("flag", true);
        withServer(new DurableH2Backend(file, false), things -> {
            things.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true));
            things.createIndex(Indexes.ascending("_id", "sequence"), new IndexOptions().unique(true));
            things.insertOne(stored);
            things.insertOne(new Document("_id", 42L).append("aggregateKey", "a/0000000000000000001"));
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 43L).append("aggregateKey", "a/0000000000000000001")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        });
        withServer(new DurableH2Backend(file, false), things -> {
            assertThat(things.find(new Document("_id", "sub-1")).first()).isEqualTo(stored);
            // numbers are one type in an index: an int finds what a long stored, as on MongoDB
            assertThat(things.find(new Document("_id", 42)).first()).containsEntry("aggregateKey", "a/0000000000000000001");
            assertThat(things.find(new Document("aggregateKey", "a/0000000000000000001")).first()).containsEntry("_id", 42L);
            assertThat(things.find(new Document("_id", "sub-1").append("sequence", 7)).first()).isNotNull();
            assertThat(things.updateOne(new Document("_id", "sub-1").append("sequence", 6L),
                    new Document("$set", new Document("sequence", 8L))).getMatchedCount()).isZero();
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "sub-1")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void aFileWrittenByThePlainBackendIsConvertedAndKeptBeside() {
        Path file = dir.resolve("store.mv");
        withServer(new H2Backend(file.toString()), things -> {
            things.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true));
            for (int i = 0; i < 250; i++) {
                things.insertOne(new Document("_id", (long) i).append("aggregateKey", "a/" + i).append("text", "意见 " + i));
            }
        });
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertThat(StoreFormatMigration.migrateIfNeeded(file, new PrintStream(said, true, StandardCharsets.UTF_8))).isTrue();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("converting").contains("converted");
        assertThat(dir.resolve("store.mv.plain-format")).exists();
        assertThat(dir.resolve("store.mv.migrating")).doesNotExist();

        withServer(new DurableH2Backend(file, false), things -> {
            assertThat(things.countDocuments()).isEqualTo(250);
            assertThat(things.find(new Document("aggregateKey", "a/249")).first()).containsEntry("text", "意见 249");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", 999L).append("aggregateKey", "a/7")))
                    .as("the unique index came across").isInstanceOf(MongoWriteException.class);
        });
        assertThat(StoreFormatMigration.migrateIfNeeded(file, new PrintStream(new ByteArrayOutputStream())))
                .as("a converted file is left alone").isFalse();
    }

    @Test
    void aNewFileIsMarkedAndNeedsNoConversion() throws Exception {
        Path file = dir.resolve("fresh.mv");
        withServer(new DurableH2Backend(file, false), things -> things.insertOne(new Document("_id", "x")));
        assertThat(Files.size(file)).isPositive();
        assertThat(StoreFormatMigration.migrateIfNeeded(file, new PrintStream(new ByteArrayOutputStream()))).isFalse();
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        int port = EmbeddedInfrastructure.freePort();
        server.bind("localhost", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            work.accept(client.getDatabase("d").getCollection("things"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
