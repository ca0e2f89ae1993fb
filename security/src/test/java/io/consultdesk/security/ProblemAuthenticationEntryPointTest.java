package io.consultdesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals' wording and challenge on the embedded default (HTTP Basic); the JWT side is JwtResourceServerTest's. */
class ProblemAuthenticationEntryPointTest {

    @Test
    void theEmbeddedDefaultAsksForHttpBasic() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationEntryPoint().commence(new MockHttpServletRequest("GET", "/api/board"), response,
                new InsufficientAuthenticationException("no"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"ConsultDesk\"");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"sign in to do this (HTTP Basic on the embedded default, a bearer token otherwise)\"}");
    }

    @Test
    void aForbiddenCallNamesWhatWasRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationEntryPoint().bearer().handle(new MockHttpServletRequest("POST", "/api/consultations/x/publication"),
                response, new AccessDeniedException("no"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"your role does not allow POST /api/consultations/x/publication\"}");
    }
}
