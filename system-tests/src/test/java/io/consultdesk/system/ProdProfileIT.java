package io.consultdesk.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile refuses to start a service without the settings a real deployment must give, and
 * says which: both services without {@code CONSULTDESK_JWT_ISSUER_URI}, command-service without
 * {@code CONSULTDESK_PERSONAL_DATA_MASTER_KEY}. The refusal comes first, before any connection: the services
 * are pointed at a MongoDB and a Kafka that are not there, and must still exit within seconds, naming the setting.
 */
class ProdProfileIT {

    private static final Path ROOT = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
    private static final String ISSUER = "CONSULTDESK_JWT_ISSUER_URI";
    private static final String MASTER_KEY = "CONSULTDESK_PERSONAL_DATA_MASTER_KEY";
    /** Well under the 30 s a MongoDB client waits for a server that is not there. */
    private static final int EXITS_WITHIN_SECONDS = 20;

    @Test
    void commandServiceWithoutIssuerOrMasterKeyNamesBoth() {
        Exit exit = start("command-service", Map.of());
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("the prod profile needs " + ISSUER + " (spring.security.oauth2.resourceserver.jwt.issuer-uri) and "
                + MASTER_KEY + " (consultdesk.personal-data.master-key)");
    }

    @Test
    void commandServiceWithoutIssuerRefusesToStart() {
        Exit exit = start("command-service", Map.of(MASTER_KEY, "Y29uc3VsdGRlc2stZW1iZWRkZWQtZGVtby1rZXktMzI="));
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("the prod profile needs " + ISSUER + " (").doesNotContain(MASTER_KEY);
    }

    @Test
    void commandServiceWithoutMasterKeyRefusesToStart() {
        Exit exit = start("command-service", Map.of(ISSUER, "https://login.example.org/realms/consultdesk"));
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("the prod profile needs " + MASTER_KEY + " (consultdesk.personal-data.master-key)")
                .doesNotContain(ISSUER);
    }

    @Test
    void queryServiceWithoutIssuerRefusesToStart() {
        Exit exit = start("query-service", Map.of());
        assertThat(exit.code()).as(exit.output()).isNotZero();
        assertThat(exit.output()).contains("the prod profile needs " + ISSUER + " (");
    }

    private record Exit(int code, String output) {
    }

    /** Starts the service's runnable jar under {@code prod} with only the given deployment variables, and waits for it to end. */
    private static Exit start(String service, Map<String, String> variables) {
        int nothingThere = closedPort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", ROOT.resolve(service + "/target/" + service + "-exec.jar").toString(),
                "--spring.profiles.active=prod", "--server.port=" + closedPort(),
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + nothingThere,
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + nothingThere));
        try {
            Path output = Files.createTempFile("consultdesk-prod-" + service + "-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().remove(ISSUER);
                builder.environment().remove(MASTER_KEY);
                builder.environment().putAll(variables);
                long t0 = System.nanoTime();
                Process process = builder.start();
                boolean ended = process.waitFor(EXITS_WITHIN_SECONDS, TimeUnit.SECONDS);
                if (!ended) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertThat(ended).as("%s under prod still running after %d s; output:%n%s", service, EXITS_WITHIN_SECONDS, text).isTrue();
                System.out.printf("%s under prod with %s: exit %d after %.1f s%n", service, variables.keySet(),
                        process.exitValue(), (System.nanoTime() - t0) / 1e9);
                return new Exit(process.exitValue(), text);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on (taken and released again). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
