package io.consultdesk.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** command-service and query-service as child processes, configured by the addresses of Kafka and MongoDB only. */
public final class RunningServices implements AutoCloseable {

    private final ServiceProcess command;
    private final ServiceProcess query;

    private RunningServices(ServiceProcess command, ServiceProcess query) {
        this.command = command;
        this.query = query;
    }

    public static RunningServices start(Path root, Path logDir, int commandPort, int queryPort,
                                        String kafka, String mongoUri) {
        return start(root, logDir, commandPort, queryPort, kafka, mongoUri, List.of());
    }

    /** As above, with extra {@code --name=value} settings for both services. */
    public static RunningServices start(Path root, Path logDir, int commandPort, int queryPort,
                                        String kafka, String mongoUri, List<String> settings) {
        List<String> infra = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.data.mongodb.uri=" + mongoUri));
        infra.addAll(settings);
        ServiceProcess command = new ServiceProcess("command-service", LocalStackLauncher.jar(root, "command-service"),
                commandPort, infra, logDir.resolve("command-service.log"), "384m").start();
        // the pages' commands go on to this command-service
        List<String> queryInfra = new ArrayList<>(infra);
        queryInfra.add("--consultdesk.command-service.url=http://localhost:" + commandPort);
        ServiceProcess query = new ServiceProcess("query-service", LocalStackLauncher.jar(root, "query-service"),
                queryPort, queryInfra, logDir.resolve("query-service.log"), "384m").start();
        return new RunningServices(command, query);
    }

    public void awaitHealthy(Duration timeout) {
        try {
            command.awaitHealthy(timeout);
            query.awaitHealthy(timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public ServiceProcess command() {
        return command;
    }

    public ServiceProcess query() {
        return query;
    }

    public String commandUrl() {
        return command.baseUrl();
    }

    public String queryUrl() {
        return query.baseUrl();
    }

    public String describe() {
        return String.join("\n",
                "  command-service  " + commandUrl() + "   (API docs: " + commandUrl() + "/v3/api-docs, log: " + command.logFile() + ")",
                "  query-service    " + queryUrl() + "   (log: " + query.logFile() + ")");
    }

    /** Both are asked to stop at once, then waited for (each forced after its grace period). */
    @Override
    public void close() {
        query.requestStop();
        command.requestStop();
        query.close();
        command.close();
    }
}
