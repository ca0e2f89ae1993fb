package io.consultdesk.localstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line import against a stand-in command-service: what it sends, and the exit code and message for
 * each answer. (Against the real services: system-tests' ImportCommandIT.)
 */
class ImportCommandTest {

    private static final String REPORT = """
            {"file":"t.txt","dryRun":%s,"rows":2,"received":2,"decided":1,"alreadyPresent":0,"refusedCount":%d,"refused":[],"millis":5}""";

    @TempDir
    Path dir;
    private Path table;
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void standIn() throws IOException {
        table = Files.writeString(dir.resolve("t.txt"), "序号\t反馈单位或个人\t反馈意见\t采纳情况\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " as "
                    + new String(Base64.getDecoder().decode(auth.substring("Basic ".length())), StandardCharsets.UTF_8)
                    + (body.contains("filename=\"t.txt\"") && body.contains("反馈单位或个人") ? " with t.txt" : " without the file"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(systemOut);
        System.setErr(systemErr);
        server.stop(0);
    }

    private String url() {
        return "--command-url=http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int run(String... args) {
        return ImportCommand.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunAsksForOneAndExitsZeroWhenNoRowIsRefused() {
        answer = REPORT.formatted(true, 0);
        assertThat(run("--consultation=ai-2024", "--file=" + table, "--user=demo", "--password=pw", "--dry-run", url())).isZero();
        assertThat(requests).containsExactly("POST /api/consultations/ai-2024/imports?dryRun=true as demo:pw with t.txt");
        assertThat(out()).contains(answer);
        assertThat(err()).isEmpty();
    }

    @Test
    void aPublishedTableFilledDownWithAColumnMappingPassesEachAsItsParameter() {
        answer = REPORT.formatted(false, 0);
        assertThat(run("--consultation=c-1", "--file=" + table, "--fill-down", "--published", "--columns=opinion:意见描述", url())).isZero();
        assertThat(requests).containsExactly("POST /api/consultations/c-1/imports?published=true&fillDown=true&columns=opinion%3A%E6%84%8F%E8%A7%81%E6%8F%8F%E8%BF%B0"
                + " as clerk:consultdesk with t.txt");
    }

    @Test
    void aRealRunSignsInAsTheClerkByDefault() {
        answer = REPORT.formatted(false, 0);
        assertThat(run("--consultation=c-1", "--file=" + table, url())).isZero();
        assertThat(requests).containsExactly("POST /api/consultations/c-1/imports as clerk:consultdesk with t.txt");
    }

    @Test
    void refusedRowsMakeTheExitCodeOne() {
        answer = REPORT.formatted(false, 2);
        assertThat(run("--consultation=c-1", "--file=" + table, url())).isEqualTo(1);
        assertThat(out()).contains(answer);
        assertThat(err()).contains("import finished with 2 refused rows");
    }

    @Test
    void aRefusalOfTheServiceIsReportedByItsDetail() {
        status = 404;
        answer = """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"no consultation with id 'nope'","instance":"/x"}""";
        assertThat(run("--consultation=nope", "--file=" + table, url())).isEqualTo(1);
        assertThat(err()).isEqualTo("import failed: 404 no consultation with id 'nope'" + System.lineSeparator());
    }

    @Test
    void aServiceThatIsNotThereIsReportedWithItsAddress() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("--consultation=c-1", "--file=" + table, "--command-url=http://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err()).startsWith("import failed: could not reach http://127.0.0.1:" + port + "/api/consultations/c-1/imports");
    }

    @Test
    void wrongArgumentsAreRefusedWithTheUsageBeforeAnythingIsSent() {
        assertThat(run("--file=" + table, url())).isEqualTo(2);
        assertThat(err()).startsWith("--consultation and --file are required\nusage: java -jar local-stack/target/local-stack-exec.jar import");
        err.reset();
        assertThat(run("--consultation=c-1", "--file=" + dir.resolve("missing.txt"), url())).isEqualTo(2);
        assertThat(err()).startsWith("no such file: " + dir.resolve("missing.txt").toAbsolutePath() + "\nusage:");
        err.reset();
        assertThat(run("--consultation=c-1", "--file=" + table, "dry-run", url())).isEqualTo(2);
        assertThat(err()).startsWith("unrecognised argument 'dry-run'\nusage:");
        assertThat(requests).isEmpty();
    }
}
