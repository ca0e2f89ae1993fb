package io.consultdesk.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where everything listens and lives. Each setting comes from a {@code --name=value} argument, else the
 * environment variable shown in {@link #usage()}, else its default.
 */
public record StackSettings(
        Path root,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int commandPort,
        int queryPort,
        boolean servicesEnabled,
        boolean seedEnabled,
        boolean mongoFsync) {

    private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("root", new String[] {"CONSULTDESK_ROOT", ".", "the repository folder holding the built jars"});
        OPTIONS.put("data-dir", new String[] {"CONSULTDESK_DATA", "data", "Kafka and MongoDB data"});
        OPTIONS.put("kafka-port", new String[] {"KAFKA_PORT", "9092", "Kafka broker"});
        OPTIONS.put("kafka-controller-port", new String[] {"KAFKA_CONTROLLER_PORT", "9093", "KRaft controller"});
        OPTIONS.put("mongo-port", new String[] {"MONGO_PORT", "27017", "MongoDB wire server"});
        OPTIONS.put("command-port", new String[] {"COMMAND_PORT", "8081", "command-service HTTP"});
        OPTIONS.put("query-port", new String[] {"QUERY_PORT", "8082", "query-service HTTP"});
        OPTIONS.put("services", new String[] {"CONSULTDESK_SERVICES", "true", "start both services (false: infrastructure only)"});
        OPTIONS.put("mongo-fsync", new String[] {"CONSULTDESK_MONGO_FSYNC", "false", "force each MongoDB write to the disk (fsync): survives power loss, costs more per write"});
        OPTIONS.put("seed", new String[] {"CONSULTDESK_SEED", "true", "load and publish the seed consultation (seed/ in the repository) unless present"});
    }

    public static StackSettings parse(String[] args) {
        return parse(args, System.getenv());
    }

    /** As {@link #parse(String[])}, with the environment given: an argument wins over its variable, a variable over the default. */
    static StackSettings parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unrecognised argument '" + arg + "'\n" + usage());
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
            given.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> source = new LinkedHashMap<>();
        OPTIONS.forEach((name, spec) -> {
            String fromEnv = environment.get(spec[0]);
            if (given.containsKey(name)) {
                v.put(name, given.get(name));
                source.put(name, "--" + name);
            } else if (fromEnv != null) {
                v.put(name, fromEnv);
                source.put(name, spec[0] + " (--" + name + ")");
            } else {
                v.put(name, spec[1]);
                source.put(name, "--" + name);
            }
        });
        Path root = Path.of(v.get("root"));
        return new StackSettings(root, root.resolve(v.get("data-dir")),
                port(v, source, "kafka-port"), port(v, source, "kafka-controller-port"), port(v, source, "mongo-port"),
                port(v, source, "command-port"), port(v, source, "query-port"),
                flag(v, source, "services"), flag(v, source, "seed"), flag(v, source, "mongo-fsync"));
    }

    private static int port(Map<String, String> values, Map<String, String> source, String name) {
        String raw = values.get(name);
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source.get(name) + " must be a port number (1-65535), was '" + raw + "'");
        }
    }

    /** {@code true} or {@code false} only: a typo such as {@code --services=yes} must not quietly mean false. */
    private static boolean flag(Map<String, String> values, Map<String, String> source, String name) {
        String raw = values.get(name).trim();
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(source.get(name) + " must be true or false, was '" + values.get(name) + "'");
    }

    public static String usage() {
        StringBuilder s = new StringBuilder("options (argument, environment variable, default):\n");
        OPTIONS.forEach((name, spec) -> s.append(String.format("  --%-22s %-22s %-8s %s%n", name + "=…", spec[0], spec[1], spec[2])));
        return s.toString();
    }
}
