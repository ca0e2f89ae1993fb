package io.consultdesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals' wording and challenge on the embedded default (HTTP Basic); the JWT side is JwtResourceServerTest's. */
class ProblemAuthenticationEntryPointTest {

    @Test
    void theEmbeddedDefaultAsksForHttpBasic() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationEntryPoint().commence(english(new MockHttpServletRequest("GET", "/api/board")), response,
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
        new ProblemAuthenticationEntryPoint().bearer().handle(english(new MockHttpServletRequest("POST", "/api/consultations/x/publication")),
                response, new AccessDeniedException("no"));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"your role does not allow POST /api/consultations/x/publication\"}");
    }

    @Test
    void refusalsAreSaidInChineseUnlessEnglishIsPreferred() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ProblemAuthenticationEntryPoint().handle(new MockHttpServletRequest("POST", "/api/x"), response, new AccessDeniedException("no"));
        assertThat(response.getContentAsString()).contains("\"detail\":\"你的角色不允许 POST /api/x\"");
        assertThat(response.getHeader("Content-Language")).isEqualTo("zh-CN");

        MockHttpServletRequest zhFirst = new MockHttpServletRequest("GET", "/api/board");
        zhFirst.addHeader("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
        response = new MockHttpServletResponse();
        new ProblemAuthenticationEntryPoint().commence(zhFirst, response, new InsufficientAuthenticationException("no"));
        assertThat(response.getContentAsString()).contains("请先登录");

        assertThat(ProblemLanguage.english("en-GB,en;q=0.9,zh;q=0.5")).isTrue();
        assertThat(ProblemLanguage.english("fr,en;q=0.5")).as("the first of zh and en decides").isTrue();
        assertThat(ProblemLanguage.english("fr")).as("neither: Chinese").isFalse();
        assertThat(ProblemLanguage.english("not a ;;; list")).isFalse();
    }

    @Test
    void aListOfBadFieldsIsSaidFieldByFieldWithTheFieldNamesKept() {
        ProblemPhrases phrases = ProblemPhrases.of("is required", "必须提供", "at most (\\d+) characters", "最多 $1 个字符");
        assertThat(ProblemPhrases.chinese("q: at most 200 characters; consultation: is required", List.of(phrases)))
                .isEqualTo("q：最多 200 个字符；consultation：必须提供");
        assertThat(ProblemPhrases.chinese("could not do it: for a reason", List.of(phrases)))
                .as("nothing known: as written").isEqualTo("could not do it: for a reason");
    }

    private static MockHttpServletRequest english(MockHttpServletRequest request) {
        request.addHeader("Accept-Language", "en");
        return request;
    }
}
