package io.consultdesk.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed process leaves behind is the file as the operating system holds it; a copy taken right
 * after the last acknowledgement, opened by a fresh store, is exactly what a restart after SIGKILL reads.
 */
class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInTheFileWhenTheReplyArrives() throws Exception {
        Path file = dir.resolve("store.mv");
        DurableH2Backend backend = new DurableH2Backend(file, false);
        MongoServer server = new MongoServer(backend);
        int port = EmbeddedInfrastructure.freePort();
        server.bind("localhost", port);
        Path copy = dir.resolve("as-left-by-a-kill.mv");
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> things = client.getDatabase("d").getCollection("things");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                work.add(writers.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        things.insertOne(new Document("_id", writer + "-" + i));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            writers.shutdown();
            things.updateOne(new Document("_id", "0-0"), new Document("$set", new Document("updated", true)));
            things.deleteOne(new Document("_id", "0-1"));
            Files.copy(file, copy);

            long commitsAfterWrites = backend.commits();
            assertThat(commitsAfterWrites).as("each write committed, or was carried by another's commit")
                    .isBetween(1L, 402L);
            for (int i = 0; i < 20; i++) {
                things.find(new Document("_id", "1-" + i)).first();
                things.countDocuments();
            }
            assertThat(backend.commits()).as("reads do not commit").isEqualTo(commitsAfterWrites);
        } finally {
            server.shutdownNow();
            backend.close();
        }

        BsonH2Backend reopened = BsonH2Backend.open(copy);
        MongoServer again = new MongoServer(reopened);
        int againPort = EmbeddedInfrastructure.freePort();
        again.bind("localhost", againPort);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + againPort)) {
            MongoCollection<Document> things = client.getDatabase("d").getCollection("things");
            assertThat(things.countDocuments()).as("400 inserted, 1 deleted").isEqualTo(399);
            assertThat(things.find(new Document("_id", "0-0")).first()).containsEntry("updated", true);
            assertThat(things.find(new Document("_id", "0-1")).first()).isNull();
        } finally {
            again.shutdownNow();
            reopened.close();
        }
    }
}
