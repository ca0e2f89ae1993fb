package io.consultdesk.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code import --consultation=ID --file=PATH [--dry-run] [--published] [--fill-down] [--columns=role:header,…]
 * [--user=NAME] [--password=…] [--command-url=URL]}: the same import as the API's ({@code dryRun}, {@code published},
 * {@code fillDown}, {@code columns}), from the command line; prints the report and exits 0 when no row was refused.
 */
final class ImportCommand {

    private ImportCommand() {
    }

    static int run(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (FLAGS.containsKey(arg)) {
                options.put(FLAGS.get(arg), "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                return usage("unrecognised argument '" + arg + "'");
            }
        }
        if (!options.containsKey("consultation") || !options.containsKey("file")) {
            return usage("--consultation and --file are required");
        }
        Path file = Path.of(options.get("file"));
        if (!Files.isRegularFile(file)) {
            return usage("no such file: " + file.toAbsolutePath());
        }
        StringBuilder query = new StringBuilder();
        FLAGS.values().stream().filter(options::containsKey).forEach(p -> query.append(query.isEmpty() ? "?" : "&").append(p).append("=true"));
        if (options.containsKey("columns")) {
            query.append(query.isEmpty() ? "?" : "&").append("columns=")
                    .append(URLEncoder.encode(options.get("columns"), StandardCharsets.UTF_8));
        }
        String url = options.getOrDefault("command-url", "http://localhost:8081") + "/api/consultations/"
                + options.get("consultation") + "/imports" + query;
        ConsultDeskClient client = new ConsultDeskClient(options.getOrDefault("user", "clerk"),
                options.getOrDefault("password", System.getenv().getOrDefault("CONSULTDESK_PASSWORD", "consultdesk")));
        try {
            System.out.println("importing " + file + " into " + options.get("consultation") + " …");
            ConsultDeskClient.Answer answer = client.upload(url, file);
            if (!answer.ok()) {
                // the service's refusal (problem+json): its detail says what was wrong
                System.err.println("import failed: " + answer.status() + " " + detail(answer.body()));
                return 1;
            }
            System.out.println(answer.body());
            Matcher refused = REFUSED_COUNT.matcher(answer.body());
            if (!refused.find()) {
                System.err.println("import failed: the answer is not an import report");
                return 1;
            }
            if (!refused.group(1).equals("0")) {
                System.err.println("import finished with " + refused.group(1) + " refused rows (listed under \"refused\" above)");
                return 1;
            }
            return 0;
        } catch (Exception e) {
            System.err.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    /** Command-line flags and the import parameters they set. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("--dry-run", "dryRun");
        FLAGS.put("--published", "published");
        FLAGS.put("--fill-down", "fillDown");
    }

    private static final Pattern REFUSED_COUNT = Pattern.compile("\"refusedCount\"\\s*:\\s*(\\d+)");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The {@code detail} of a problem+json answer, else the answer as it came. */
    private static String detail(String body) {
        Matcher detail = DETAIL.matcher(body);
        return detail.find() ? detail.group(1).replace("\\\"", "\"") : body;
    }

    private static int usage(String problem) {
        System.err.println(problem + "\nusage: java -jar local-stack/target/local-stack-exec.jar import --consultation=ID --file=PATH"
                + " [--dry-run] [--published] [--fill-down] [--columns=role:header,…] [--user=clerk] [--password=…] [--command-url=http://localhost:8081]");
        return 2;
    }
}
