package io.consultdesk.system.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.KafkaKraftBroker;
import io.consultdesk.localstack.MongoWireServer;
import io.consultdesk.localstack.ServiceProcess;
import io.consultdesk.system.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two command-services and two query-services, each a process of its own, on one Kafka broker and one
 * file-backed MongoDB wire server hosted in the test JVM — the smallest deployment of more than one
 * instance. Unlike {@link FaultStack} it is not shared: a test class starts it and closes it.
 */
final class TwoOfEachStack implements AutoCloseable {

    private final Path dir;
    private final KafkaKraftBroker kafka;
    private final MongoWireServer mongo;
    private final String kafkaBootstrap;
    final List<ServiceProcess> commandServices;
    final List<ServiceProcess> queryServices;
    final MongoClient mongoClient;
    private boolean closed;

    TwoOfEachStack(String name) {
        try {
            dir = Files.createTempDirectory("consultdesk-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int kafkaPort = EmbeddedInfrastructure.freePort();
        int mongoPort = EmbeddedInfrastructure.freePort();
        kafkaBootstrap = "localhost:" + kafkaPort;
        kafka = new KafkaKraftBroker(kafkaPort, EmbeddedInfrastructure.freePort(), dir.resolve("kafka")).start();
        mongo = new MongoWireServer(mongoPort, dir.resolve("mongo/data.mv")).start();
        mongoClient = MongoClients.create("mongodb://localhost:" + mongoPort);
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("system-tests/target/service-logs/" + name);
        List<String> settings = List.of("--spring.kafka.bootstrap-servers=" + kafkaBootstrap,
                "--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort,
                "--consultdesk.public-submissions.per-minute=100000");
        commandServices = List.of(
                service("command-service", root, logs.resolve("command-service-1.log"), settings),
                service("command-service", root, logs.resolve("command-service-2.log"), settings));
        queryServices = List.of(
                service("query-service", root, logs.resolve("query-service-1.log"), settings),
                service("query-service", root, logs.resolve("query-service-2.log"), settings));
        // the services outlive this JVM unless stopped (a local-stack from before the parent-pid watch does not end them)
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "two-of-each-stop"));
        try {
            for (ServiceProcess service : all()) {
                service.awaitHealthy(Duration.ofSeconds(180));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static ServiceProcess service(String module, Path root, Path log, List<String> settings) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-exec.jar"); // as ./mvnw package leaves it
        return new ServiceProcess(module, jar, EmbeddedInfrastructure.freePort(),
                settings, log, "384m").start();
    }

    /** Command-service {@code c} (0 or 1) with query-service {@code q} (0 or 1). */
    Api api(int c, int q) {
        return new Api(commandServices.get(c).baseUrl(), queryServices.get(q).baseUrl());
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /**
     * The process id of a service: Axon names a token's owner by the JVM's name, {@code pid@host}. Found
     * among this JVM's children by the port the service was given.
     */
    static long pid(ServiceProcess service) {
        String port = "--server.port=" + service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1);
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(port)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no child process runs " + service.name() + " with " + port))
                .pid();
    }

    private List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>(commandServices);
        all.addAll(queryServices);
        return all;
    }

    /** The services stopped side by side (each killed after its grace period); then the broker and the store; the data deleted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        all().parallelStream().forEach(ServiceProcess::close);
        mongoClient.close();
        kafka.close();
        mongo.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
