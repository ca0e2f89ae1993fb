package io.consultdesk.localstack;

import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server speaking the MongoDB wire protocol, backed by an H2 MVStore file (or memory for tests).
 * Clients reach it only through the real MongoDB driver at {@link #connectionString()}.
 */
public final class MongoWireServer implements AutoCloseable {

    /** When a file-backed store writes what it acknowledged to its file. */
    public enum Commit {
        /** Before each write's reply ({@link DurableH2Backend}): an acknowledged write survives a kill of this process. */
        ON_WRITE,
        /** As {@link #ON_WRITE}, and forced to the device (fsync): survives power loss too, at a higher cost. */
        ON_WRITE_WITH_FSYNC,
        /**
         * MVStore's own background commit, about once a second: acknowledged writes of the last second are lost
         * when the process dies. Kept only to measure what {@link #ON_WRITE} costs.
         */
        BACKGROUND
    }

    private final int port;
    private final Path dataFile;
    private final Commit commit;
    private MongoServer server;
    private BsonH2Backend backend;

    /** @param dataFile the MVStore file, or {@code null} to keep everything in memory */
    public MongoWireServer(int port, Path dataFile) {
        this(port, dataFile, Commit.ON_WRITE);
    }

    public MongoWireServer(int port, Path dataFile, Commit commit) {
        this.port = port;
        this.dataFile = dataFile;
        this.commit = commit;
    }

    public synchronized MongoWireServer start() {
        if (server != null) {
            return this;
        }
        Quiet.loggers("de.bwaldvogel");
        if (dataFile == null) {
            backend = BsonH2Backend.inMemory();
        } else {
            try {
                Files.createDirectories(dataFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + dataFile.getParent() + ": " + e.getMessage(), e);
            }
            Path file = dataFile.toAbsolutePath();
            backend = switch (commit) {
                case ON_WRITE -> new DurableH2Backend(file, false);
                case ON_WRITE_WITH_FSYNC -> new DurableH2Backend(file, true);
                case BACKGROUND -> BsonH2Backend.open(file);
            };
        }
        server = new MongoServer(backend);
        server.bind("localhost", port);
        return this;
    }

    /** Commits made for writes so far (grouped writes share one); 0 unless committing on write. */
    public synchronized long writeCommits() {
        return backend instanceof DurableH2Backend durable ? durable.commits() : 0;
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
