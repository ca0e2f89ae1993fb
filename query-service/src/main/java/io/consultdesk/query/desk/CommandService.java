package io.consultdesk.query.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * command-service as the pages reach it: a command is sent with the caller's own {@code Authorization} header
 * (Basic or a bearer token: command-service checks it again and applies its own rules), the client's address
 * ({@code X-Forwarded-For}, which command-service trusts from internal addresses only, so the public comment
 * limit still counts each client) and the page's language. Its answer comes back as it is, problem+json included.
 */
@Component
public class CommandService {

    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public CommandService(@Value("${consultdesk.command-service.url:http://localhost:8081}") String base) {
        this.base = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** command-service's answer: its status and JSON body (a problem's {@code detail} and {@code errors} included). */
    public record Reply(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String detail() {
            return body.path("detail").asText("");
        }
    }

    /** POSTs {@code body} as JSON to {@code path} of command-service on behalf of {@code caller}. */
    public Reply post(String path, Object body, HttpServletRequest caller, String language) {
        try {
            return send(request(path, caller, language).header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PUTs {@code text} as {@code contentType} (a clause catalogue as tab-separated values) to {@code path}. */
    public Reply put(String path, String contentType, String text, HttpServletRequest caller, String language) {
        return send(request(path, caller, language).header(HttpHeaders.CONTENT_TYPE, contentType + ";charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    /** POSTs one file as {@code multipart/form-data} (field {@code file}) to {@code path}, as the import takes it. */
    public Reply upload(String path, String fileName, byte[] content, HttpServletRequest caller, String language) {
        String boundary = "desk-" + UUID.randomUUID();
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replaceAll("[\"\\r\\n]", "_") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        multipart.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        multipart.writeBytes(content);
        multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, caller, language).header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build());
    }

    private HttpRequest.Builder request(String path, HttpServletRequest caller, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en".equals(language) ? "en" : "zh-CN,zh;q=0.9")
                .header("X-Forwarded-For", caller.getRemoteAddr());
        String authorization = caller.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode json;
            try {
                json = body.length == 0 ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            // refused, reset or timed out: the command may not have arrived, and the page says nothing was recorded
            LOG.warn("command-service did not answer {} {}: {}", request.method(), request.uri(), e.toString());
            return unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable();
        }
    }

    /** What the pages say when command-service cannot be reached: nothing was recorded. */
    private static Reply unavailable() {
        return new Reply(503, JSON.createObjectNode().put("status", 503)
                .put("detail", "the command service is not reachable right now; nothing was recorded, try again shortly"));
    }
}
