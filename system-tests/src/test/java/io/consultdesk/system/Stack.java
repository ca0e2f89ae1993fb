package io.consultdesk.system;

import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.RunningServices;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test: both services as their own processes, started once per test run for each kind
 * of infrastructure and stopped when the JVM exits. The services cannot tell the kinds apart except by
 * the addresses they are given.
 */
public final class Stack {

    /** Which servers the services run against. */
    public enum Infrastructure {
        /** Kafka broker (KRaft) and MongoDB wire server in this JVM. */
        EMBEDDED,
        /** Real MongoDB and Kafka in containers: needs a Docker engine. */
        TESTCONTAINERS
    }

    /** The public submission limit the services run with in tests (the default is 30). */
    static final int PUBLIC_SUBMISSIONS_PER_MINUTE = 300;

    private static final Map<Infrastructure, Stack> STARTED = new EnumMap<>(Infrastructure.class);

    private final RunningServices services;
    private final Api api;

    private Stack(RunningServices services) {
        this.services = services;
        this.api = new Api(services.commandUrl(), services.queryUrl());
    }

    /** The running stack of that kind; a test on Testcontainers is skipped, with the reason, where Docker is missing. */
    public static synchronized Stack on(Infrastructure infrastructure) {
        Stack stack = STARTED.get(infrastructure);
        if (stack == null) {
            stack = infrastructure == Infrastructure.EMBEDDED ? embedded() : containers();
            STARTED.put(infrastructure, stack);
        }
        return stack;
    }

    private static Stack embedded() {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        return start("embedded", infra.kafkaBootstrapServers(), infra.mongoUri());
    }

    @SuppressWarnings("resource")
    private static Stack containers() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        Assumptions.assumeTrue(docker, "SKIPPED on Testcontainers: no Docker engine on this machine; "
                + "the same test ran on the embedded Kafka broker and MongoDB wire server");
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
        mongo.start();
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }));
        return start("testcontainers", kafka.getBootstrapServers(), mongo.getConnectionString());
    }

    private static Stack start(String label, String kafka, String mongoUri) {
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests").resolve("target").resolve("service-logs").resolve(label);
        RunningServices services = RunningServices.start(root, logs,
                EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort(), kafka, mongoUri,
                List.of("--consultdesk.public-submissions.per-minute=" + PUBLIC_SUBMISSIONS_PER_MINUTE));
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "stop-services-" + label));
        services.awaitHealthy(Duration.ofSeconds(120));
        return new Stack(services);
    }

    public Api api() {
        return api;
    }

    public RunningServices services() {
        return services;
    }
}
