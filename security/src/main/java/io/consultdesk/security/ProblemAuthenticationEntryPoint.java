package io.consultdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;


import java.io.IOException;
import java.util.List;

/**
 * 401 and 403 as problem+json, like every other refusal. The 401's challenge names what the service accepts:
 * HTTP Basic on the embedded default, a bearer token where an issuer is configured ({@link #bearer()}).
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String DECODE_PREFIX = "An error occurred while attempting to decode the Jwt: ";
    static final String SIGN_IN = "sign in to do this (HTTP Basic on the embedded default, a bearer token otherwise)";
    static final String SIGN_IN_BEARER = "sign in to do this: send a bearer token of the configured issuer";

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
            write(request, response, HttpStatus.UNAUTHORIZED, SIGN_IN);
        } else if (e instanceof InvalidBearerTokenException invalid) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            String why = String.valueOf(invalid.getMessage());
            write(request, response, HttpStatus.UNAUTHORIZED, "the bearer token was not accepted: "
                    + (why.startsWith(DECODE_PREFIX) ? why.substring(DECODE_PREFIX.length()) : why));
        } else {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, SIGN_IN_BEARER);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    /** The refusal as problem+json, its detail in the caller's language ({@link ProblemLanguage}). */
    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String english)
            throws IOException {
        boolean inEnglish = ProblemLanguage.english(request);
        String detail = inEnglish ? english : ProblemPhrases.chinese(english, List.of(ProblemErrorPages.SHARED));
        response.setHeader("Content-Language", ProblemLanguage.tag(inEnglish));
        ProblemResponse.write(response, status, detail);
    }
}
