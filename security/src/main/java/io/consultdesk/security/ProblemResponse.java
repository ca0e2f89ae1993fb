package io.consultdesk.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;

/**
 * A problem+json answer written straight to the response, for the refusals made where Spring's
 * {@code ProblemDetail} handling does not reach: servlet filters, the authentication entry point, the
 * container's own error report. The same shape as every other problem the services answer with.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    /** Answers with the problem: its status, {@code application/problem+json} in UTF-8, and its body. */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status.value(), detail));
    }

    /** As {@link #write(HttpServletResponse, HttpStatus, String)}, with the refusal's stable {@code code} beside its detail. */
    public static void write(HttpServletResponse response, HttpStatus status, String detail, String code) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String json = json(status.value(), detail);
        response.getWriter().write(json.substring(0, json.length() - 1) + ",\"code\":\"" + code.replace("\"", "'") + "\"}");
    }

    /**
     * {@code {"type":"about:blank","title":…,"status":…,"detail":…}}, titled by the status's reason phrase. A
     * detail may quote the request (its path, its method): a backslash in it is escaped and a double quote
     * becomes a single one, so the body stays JSON.
     */
    public static String json(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        return "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}";
    }
}
