package io.consultdesk.command.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key whose deletion fails is deleted later, and only for an item whose erasure was recorded. */
class KeyErasuresTest {

    @TempDir
    Path dir;

    @Test
    void aKeyWhoseFirstDeletionFailsIsDeletedByTheRetry() {
        int port = EmbeddedInfrastructure.freePort();
        Path file = dir.resolve("store.mv");
        MongoWireServer store = new MongoWireServer(port, file).start();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(500, TimeUnit.MILLISECONDS)).build())) {
            MongoDatabase database = client.getDatabase("events");
            PersonalDataVault vault = new PersonalDataVault(database, new byte[32], new ObjectMapper(), Clock.systemUTC());
            KeyErasures erasures = new KeyErasures(database, vault, Clock.systemUTC());
            SealedPersonalData erased = vault.seal(Map.of("name", "陈大天"));
            SealedPersonalData kept = vault.seal(Map.of("name", "王五"));
            erasures.notePending(erased.keyId(), "item-erased");
            erasures.notePending(kept.keyId(), "item-whose-erasure-failed");

            store.close(); // the store goes away between the recorded erasure and the key's deletion
            assertThatThrownBy(() -> erasures.deleteNow(erased.keyId())).isInstanceOf(MongoException.class);
            store = new MongoWireServer(port, file).start();

            assertThat(vault.open(erased, Map.class)).as("the first deletion failed").isPresent();
            assertThat(erasures.retryPending("item-erased"::equals)).isEqualTo(1);
            assertThat(vault.open(erased, Map.class)).as("deleted by the retry").isEmpty();
            assertThat(vault.open(kept, Map.class)).as("an erasure that was never recorded deletes nothing").isPresent();
            assertThat(erasures.pendingKeys()).containsExactly(kept.keyId());
            assertThat(erasures.retryPending("item-erased"::equals)).isZero();
        } finally {
            store.close();
        }
    }
}
