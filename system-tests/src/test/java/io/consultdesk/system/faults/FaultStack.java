package io.consultdesk.system.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.KafkaKraftBroker;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.localstack.RunningServices;
import io.consultdesk.localstack.ServiceProcess;
import io.consultdesk.system.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A stack of its own for breaking things: a Kafka broker and a file-backed MongoDB wire server that can
 * be stopped and started again on the same ports and data, and both services as processes that can be
 * killed outright (no graceful shutdown) and restarted.
 */
final class FaultStack {

    private static FaultStack instance;

    final Path dir;
    private final int kafkaPort = EmbeddedInfrastructure.freePort();
    private final int controllerPort = EmbeddedInfrastructure.freePort();
    private final int mongoPort = EmbeddedInfrastructure.freePort();
    private KafkaKraftBroker kafka;
    private MongoWireServer mongo;
    final RunningServices services;
    final Api api;
    final MongoClient mongoClient;

    private FaultStack() throws IOException {
        dir = Files.createTempDirectory("consultdesk-faults-");
        startKafka();
        startMongo();
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        services = RunningServices.start(root, root.resolve("system-tests/target/service-logs/faults"),
                EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort(),
                "localhost:" + kafkaPort, "mongodb://localhost:" + mongoPort,
                List.of("--consultdesk.public-submissions.per-minute=100000",
                        // settle never-written positions within seconds rather than the minute of production
                        "--consultdesk.event-store.gap-timeout=20s"));
        services.awaitHealthy(Duration.ofSeconds(120));
        api = new Api(services.commandUrl(), services.queryUrl());
        mongoClient = MongoClients.create("mongodb://localhost:" + mongoPort);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-stack-stop"));
    }

    static synchronized FaultStack get() {
        if (instance == null) {
            try {
                instance = new FaultStack();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    void startKafka() {
        kafka = new KafkaKraftBroker(kafkaPort, controllerPort, dir.resolve("kafka")).start();
    }

    void stopKafka() {
        kafka.close();
    }

    void startMongo() {
        mongo = new MongoWireServer(mongoPort, dir.resolve("mongo/data.mv")).start();
    }

    void stopMongo() {
        mongo.close();
    }

    /** Kills the process outright (SIGKILL), as a crash would, then starts it again and waits until healthy. */
    static void crashAndRestart(ServiceProcess service) {
        service.kill();
        service.start();
        service.awaitHealthy(Duration.ofSeconds(120));
    }

    private void close() {
        services.close();
        mongoClient.close();
        kafka.close();
        mongo.close();
        // a scenario's store and log run to gigabytes: left behind, every run of the suite would fill the disk
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
