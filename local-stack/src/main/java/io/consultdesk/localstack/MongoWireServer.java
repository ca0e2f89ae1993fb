package io.consultdesk.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server speaking the MongoDB wire protocol, backed by an H2 MVStore file (or memory for tests).
 * Clients reach it only through the real MongoDB driver at {@link #connectionString()}.
 */
public final class MongoWireServer implements AutoCloseable {

    private final int port;
    private final Path dataFile;
    private MongoServer server;
    private H2Backend backend;

    /** @param dataFile the MVStore file, or {@code null} to keep everything in memory */
    public MongoWireServer(int port, Path dataFile) {
        this.port = port;
        this.dataFile = dataFile;
    }

    public synchronized MongoWireServer start() {
        if (server != null) {
            return this;
        }
        Quiet.loggers("de.bwaldvogel");
        if (dataFile == null) {
            backend = H2Backend.inMemory();
        } else {
            try {
                Files.createDirectories(dataFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + dataFile.getParent() + ": " + e.getMessage(), e);
            }
            backend = new H2Backend(dataFile.toAbsolutePath().toString());
        }
        server = new MongoServer(backend);
        server.bind("localhost", port);
        return this;
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            backend.close();
            server = null;
        }
    }
}
