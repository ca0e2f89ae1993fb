package io.consultdesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kafka broker and the MongoDB wire server, started together. The launcher uses fixed ports and
 * a data folder; tests use {@link #shared()}, one instance per JVM on free ports, started once.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static EmbeddedInfrastructure shared;

    private final KafkaKraftBroker kafka;
    private final MongoWireServer mongo;

    public EmbeddedInfrastructure(int kafkaPort, int controllerPort, int mongoPort, Path kafkaDir, Path mongoFile) {
        this(kafkaPort, controllerPort, mongoPort, kafkaDir, mongoFile, MongoWireServer.Commit.ON_WRITE);
    }

    public EmbeddedInfrastructure(int kafkaPort, int controllerPort, int mongoPort, Path kafkaDir, Path mongoFile,
                                  MongoWireServer.Commit commit) {
        this.kafka = new KafkaKraftBroker(kafkaPort, controllerPort, kafkaDir);
        this.mongo = new MongoWireServer(mongoPort, mongoFile, commit);
    }

    public EmbeddedInfrastructure start() {
        mongo.start();
        kafka.start();
        return this;
    }

    /**
     * One broker and one in-memory wire server for the whole test JVM, on free ports, stopped when the
     * JVM exits.
     */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            try {
                Path kafkaDir = Files.createTempDirectory("consultdesk-kafka-");
                shared = new EmbeddedInfrastructure(freePort(), freePort(), freePort(), kafkaDir, null).start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-infrastructure-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public void close() {
        kafka.close();
        mongo.close();
    }
}
