package io.consultdesk.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The one command that runs ConsultDesk on this machine: Kafka and MongoDB embedded, then both services as
 * child processes pointed at them by address only. Ctrl-C stops everything; the next start resumes from
 * the data folder.
 */
public final class LocalStackLauncher {

    private LocalStackLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Quiet.rootAtInfo();
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.println("ConsultDesk local stack: Kafka, MongoDB wire server, command-service and query-service.\n"
                    + StackSettings.usage());
            return;
        }
        StackSettings settings;
        try {
            settings = StackSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        OrderlyStop stop = new OrderlyStop(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nConsultDesk: stopping…");
            long stopStarted = System.nanoTime();
            stop.stopAll();
            System.out.printf("ConsultDesk: stopped in %.1f s; data kept in %s%n", seconds(stopStarted),
                    settings.dataDir().toAbsolutePath());
        }, "local-stack-stop"));

        try {
            start(settings, stop, started);
            System.out.println("ConsultDesk: running; press Ctrl-C to stop.");
        } catch (RuntimeException e) {
            stop.startOver();
            if (stop.stopping()) {
                return; // the shutdown hook stops what was started
            }
            System.err.println("ConsultDesk could not start: " + e.getMessage());
            System.exit(1);
        }
        stop.startOver();
        // the JVM ends when a signal has run the shutdown hook; until then the launcher waits
        new CountDownLatch(1).await();
    }

    /** Kafka and the MongoDB wire server, then (unless turned off) both services and the seed; each registered to be stopped. */
    private static void start(StackSettings settings, OrderlyStop stop, long started) {
        EmbeddedInfrastructure infrastructure = stop.register(new EmbeddedInfrastructure(
                settings.kafkaPort(), settings.kafkaControllerPort(), settings.mongoPort(),
                settings.dataDir().resolve("kafka"), settings.dataDir().resolve("mongo").resolve("consultdesk.mv"),
                settings.mongoFsync() ? MongoWireServer.Commit.ON_WRITE_WITH_FSYNC : MongoWireServer.Commit.ON_WRITE));
        infrastructure.start();
        System.out.printf("ConsultDesk: Kafka on %s, MongoDB on %s (%.1f s)%n",
                infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), seconds(started));
        if (!settings.servicesEnabled()) {
            return;
        }
        RunningServices services = stop.register(RunningServices.start(settings.root(),
                settings.dataDir().resolve("logs"), settings.commandPort(), settings.queryPort(),
                infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri()));
        services.awaitHealthy(Duration.ofSeconds(120));
        System.out.printf("ConsultDesk: both services healthy %.1f s after start%n", seconds(started));
        if (settings.seedEnabled()) {
            new SeedConsultation(services.commandUrl(), services.queryUrl(),
                    settings.root().toAbsolutePath().normalize().resolve("seed")).loadIfAbsent();
        }
        System.out.println(services.describe());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Where a module's runnable jar is after {@code ./mvnw package}. */
    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }
}
