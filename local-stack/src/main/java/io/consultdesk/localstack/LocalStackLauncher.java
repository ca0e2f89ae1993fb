package io.consultdesk.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            System.exit(ImportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
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
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nConsultDesk: stopping…");
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e.getMessage());
                }
            }
            System.out.println("ConsultDesk: stopped; data kept in " + settings.dataDir().toAbsolutePath());
            stopped.countDown();
        }, "local-stack-stop"));

        try {
            EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(
                    settings.kafkaPort(), settings.kafkaControllerPort(), settings.mongoPort(),
                    settings.dataDir().resolve("kafka"), settings.dataDir().resolve("mongo").resolve("consultdesk.mv"));
            running.add(infrastructure);
            infrastructure.start();
            System.out.printf("ConsultDesk: Kafka on %s, MongoDB on %s (%.1f s)%n",
                    infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), seconds(started));

            if (settings.servicesEnabled()) {
                RunningServices services = RunningServices.start(settings.root(), settings.dataDir().resolve("logs"),
                        settings.commandPort(), settings.queryPort(),
                        infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri());
                running.add(services);
                services.awaitHealthy(Duration.ofSeconds(120));
                System.out.printf("ConsultDesk: both services healthy %.1f s after start%n", seconds(started));
                if (settings.seedEnabled()) {
                    new SeedConsultation(services.commandUrl(), services.queryUrl(),
                            settings.root().toAbsolutePath().normalize().resolve("seed")).loadIfAbsent();
                }
                System.out.println(services.describe());
            }
            System.out.println("ConsultDesk: running; press Ctrl-C to stop.");
        } catch (RuntimeException e) {
            System.err.println("ConsultDesk could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Where a module's runnable jar is after {@code ./mvnw package}. */
    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }
}
