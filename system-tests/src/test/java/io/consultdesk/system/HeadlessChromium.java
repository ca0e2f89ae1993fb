package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium (Debian's package), driven over the DevTools protocol: navigate, click,
 * read what the page shows. Signed in by sending an HTTP Basic header with every request.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /**
     * Starts Chromium. Where none is installed the calling test is skipped, saying why — except in CI
     * ({@code CI=true}), where a page test that did not run must fail the run rather than pass it unseen.
     */
    static HeadlessChromium start() throws Exception {
        Path binary = Path.of("/usr/bin/chromium");
        if ("true".equals(System.getenv("CI")) && !Files.isExecutable(binary)) {
            throw new AssertionError("no /usr/bin/chromium in CI: the page tests cannot run (.ci/run installs Debian's chromium)");
        }
        Assumptions.assumeTrue(Files.isExecutable(binary),
                "SKIPPED: no /usr/bin/chromium (Debian package chromium; .ci/run installs it)");
        int port = EmbeddedInfrastructure.freePort();
        Path profile = Files.createTempDirectory("consultdesk-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=" + port, "about:blank")
                .redirectErrorStream(true).start();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                while (out.readLine() != null) {
                    // Chromium's own chatter; read so that it never blocks
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "chromium-output");
        drain.setDaemon(true);
        drain.start();
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pageSocket == null && System.nanoTime() < deadline) {
            try {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        pageSocket = t.path("webSocketDebuggerUrl").asText();
                    }
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        if (pageSocket == null) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not open its DevTools port");
        }
        HeadlessChromium[] self = new HeadlessChromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder buffer = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(buffer.toString());
                        CompletableFuture<JsonNode> waiting = message.has("id") ? self[0].pending.remove(message.get("id").asInt()) : null;
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    } catch (IOException e) {
                        // not for us
                    }
                    buffer.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        self[0] = new HeadlessChromium(process, profile, socket);
        self[0].call("Page.enable", Map.of());
        self[0].call("Network.enable", Map.of());
        return self[0];
    }

    void signInAs(String user, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", basic)));
    }

    /** Sends no credentials from now on: a visitor who has not signed in. */
    void signOut() throws Exception {
        call("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    /** Sets the value of the form field matching the CSS selector, as typing or choosing it would. */
    void fill(String selector, String value) throws Exception {
        Object ok = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); if (!e) return false; e.value = " + JSON.writeValueAsString(value) + "; return true; })()");
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("no field at " + selector + " on " + text("location.href"));
        }
    }

    /** Chooses {@code file} in the file input matching the CSS selector. */
    void chooseFile(String selector, Path file) throws Exception {
        int root = call("DOM.getDocument", Map.of()).path("result").path("root").path("nodeId").asInt();
        int node = call("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("result").path("nodeId").asInt();
        if (node == 0) {
            throw new AssertionError("no file input at " + selector);
        }
        call("DOM.setFileInputFiles", Map.of("nodeId", node, "files", List.of(file.toAbsolutePath().toString())));
    }

    /** Opens the URL and waits until the page has loaded. */
    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        awaitLoaded(url);
    }

    /** Clicks the first element matching the CSS selector and waits for the page it leads to. */
    void click(String selector) throws Exception {
        String before = text("location.href");
        Object ok = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); if (!e) return false; e.click(); return true; })()");
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("nothing to click at " + selector + " on " + before);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && before.equals(text("location.href"))) {
            Thread.sleep(50);
        }
        awaitLoaded(null);
    }

    /** The page as it is now, as a PNG file (for a test that failed: what the browser showed). */
    void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("result").path("data").asText()));
    }

    String text(String expression) throws Exception {
        return String.valueOf(evaluate(expression));
    }

    Object evaluate(String expression) throws Exception {
        JsonNode reply = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        JsonNode value = reply.path("result").path("result").path("value");
        return value.isMissingNode() || value.isNull() ? null : value.isBoolean() ? value.asBoolean()
                : value.isNumber() ? value.numberValue() : value.asText();
    }

    private void awaitLoaded(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if ("complete".equals(evaluate("document.readyState")) && (url == null || text("location.href").startsWith(url.split("\\?")[0]))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("page did not load: " + url);
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
        JsonNode answer = reply.get(20, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer;
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
