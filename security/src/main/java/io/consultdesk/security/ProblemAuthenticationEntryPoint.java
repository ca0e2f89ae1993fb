package io.consultdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;


import java.io.IOException;

/**
 * 401 and 403 as problem+json, like every other refusal. The 401's challenge names what the service accepts:
 * HTTP Basic on the embedded default, a bearer token where an issuer is configured ({@link #bearer()}).
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String DECODE_PREFIX = "An error occurred while attempting to decode the Jwt: ";

    private final boolean bearer;

    public ProblemAuthenticationEntryPoint() {
        this(false);
    }

    private ProblemAuthenticationEntryPoint(boolean bearer) {
        this.bearer = bearer;
    }

    /** The same refusals for a JWT resource server: challenge {@code Bearer}, and why a token was not accepted. */
    public ProblemAuthenticationEntryPoint bearer() {
        return new ProblemAuthenticationEntryPoint(true);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!bearer) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ConsultDesk\"");
            write(response, HttpStatus.UNAUTHORIZED, "sign in to do this (HTTP Basic on the embedded default, a bearer token otherwise)");
        } else if (e instanceof InvalidBearerTokenException invalid) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            String why = String.valueOf(invalid.getMessage());
            write(response, HttpStatus.UNAUTHORIZED, "the bearer token was not accepted: "
                    + (why.startsWith(DECODE_PREFIX) ? why.substring(DECODE_PREFIX.length()) : why));
        } else {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "sign in to do this: send a bearer token of the configured issuer");
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "'") + "\"}");
    }
}
