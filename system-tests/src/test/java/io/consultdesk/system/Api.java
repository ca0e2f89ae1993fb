package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** HTTP to both services as the users of the embedded default (every demo password is "consultdesk"). */
public final class Api {

    public static final String PASSWORD = "consultdesk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String queryUrl;

    public Api(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** A response: status and body (JSON when it parses, else text). */
    public record Reply(int status, String body, String contentType) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply command(String user, String method, String path, String body) {
        return send(user, method, commandUrl + path, body, "application/json");
    }

    public Reply commandWithType(String user, String method, String path, String body, String contentType) {
        return send(user, method, commandUrl + path, body, contentType);
    }

    /**
     * A page's form posted to query-service ({@code /desk/…}) as a browser on the same site posts it: URL-encoded
     * fields, the page's origin; the redirect that answers a command done is returned, not followed.
     */
    public Reply form(String user, String path, Map<String, List<String>> fields) {
        String body = fields.entrySet().stream().flatMap(f -> f.getValue().stream().map(v ->
                        URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .reduce((a, b) -> a + "&" + b).orElse("");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queryUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).header("Origin", queryUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.statusCode() == 303
                ? response.headers().firstValue("Location").orElse("") : response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    /** Any method on query-service (its admin endpoints). */
    public Reply queryService(String user, String method, String path) {
        return send(user, method, queryUrl + path, null, null);
    }

    public Reply query(String user, String path) {
        return send(user, "GET", queryUrl + path, null, null);
    }

    /** Uploads {@code content} as the multipart field {@code file} named {@code fileName}. */
    public Reply upload(String user, String path, String fileName, byte[] content) {
        String boundary = "b" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return exchange(request);
    }

    /** The raw bytes of a query-service answer (exports). */
    public byte[] download(String path) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(queryUrl + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Polls a query until {@code until} holds, or fails after {@code timeout} with the last reply. */
    public Reply awaitQuery(String user, String path, Predicate<Reply> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = query(user, path);
            if (until.test(last)) {
                return last;
            }
            sleep(20);
        }
        throw new AssertionError("not reached within " + timeout.toMillis() + " ms: " + path + " last answered " + last);
    }

    private Reply send(String user, String method, String url, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request);
    }

    /** A response header of a GET on query-service, as anyone (no credentials); empty when absent. */
    public String queryHeader(String path, String header) {
        return send(HttpRequest.newBuilder(URI.create(queryUrl + path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue(header).orElse("");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private Reply exchange(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
