package io.consultdesk.command;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MongoDB wire server for the tests of one class, and a client of it, started before them and stopped after:
 * {@code @RegisterExtension static final WireStore STORE = new WireStore();}
 */
public final class WireStore implements BeforeAllCallback, AfterAllCallback {

    private MongoWireServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    public MongoClient client() {
        return client;
    }
}
