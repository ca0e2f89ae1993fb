package io.consultdesk.query.web;

import io.consultdesk.query.board.BoardController.BoardParams;
import io.consultdesk.security.LocalizedProblems;
import io.consultdesk.security.ProblemErrorPages;
import io.consultdesk.security.ProblemPhrases;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** query-service's problem details read in Chinese by default and in English when asked, the bad field named either way. */
class QueryProblemPhrasesTest {

    private final LocalizedProblems advice = new LocalizedProblems(List.of(new QueryProblemPhrases().queryServicePhrases(),
            new ProblemErrorPages().sharedProblemPhrases()));

    private ProblemDetail said(String detail, String acceptLanguage) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        int colon = detail.indexOf(": ");
        if (colon > 0) {
            problem.setProperty("errors", List.of(Map.of("field", detail.substring(0, colon), "message", detail.substring(colon + 2))));
        }
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/board");
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return (ProblemDetail) advice.beforeBodyWrite(problem, null, null, null, new ServletServerHttpRequest(request),
                new ServletServerHttpResponse(new MockHttpServletResponse()));
    }

    private static String refusal(BoardParams params) {
        return catchThrowable(() -> params.toFilter(50)).getMessage();
    }

    @Test
    void theBoardsRefusalsReadInChineseFirstWithTheFieldNamed() {
        String page = refusal(new BoardParams(null, null, null, null, null, null, null, null, -1, null, null));
        assertThat(said(page, null).getDetail()).isEqualTo("page：须为 0 或更大的数");
        assertThat(said(page, null).getProperties().get("errors").toString()).contains("field=page", "须为 0 或更大的数");
        assertThat(said(page, "en-US,en;q=0.9").getDetail()).isEqualTo("page: must be 0 or more");

        String size = refusal(new BoardParams(null, null, null, null, null, null, null, null, 0, 100_000, null));
        assertThat(said(size, "zh-CN").getDetail()).isEqualTo("size：须在 1 到 500 之间");
        String state = refusal(new BoardParams(null, "MAYBE", null, null, null, null, null, null, 0, null, null));
        assertThat(said(state, null).getDetail()).isEqualTo("state：“MAYBE”不是一种办理状态");
        String asOf = refusal(new BoardParams(null, null, null, null, null, null, null, null, 0, null, "yesterday"));
        assertThat(said(asOf, null).getDetail()).startsWith("asOf：不是 ISO-8601 格式的时刻");
    }

    @Test
    void whatIsNotThereAndWhatIsNotReachableReadInChinese() {
        assertThat(said("no item with id 'x-1' (yet)", null).getDetail()).isEqualTo("（还）没有 id 为“x-1”的意见");
        assertThat(said("no such path: /nope", null).getDetail()).isEqualTo("没有这个路径：/nope");
        assertThat(said("the read store is not reachable right now; try again shortly", "zh").getDetail())
                .isEqualTo("读取库暂时无法连接，请稍后再试");
        assertThat(said("version 2 is still arriving: 3 of 5 rows", null).getDetail()).isEqualTo("第 2 版仍在同步：已到 3 行，共 5 行");
        assertThat(ProblemPhrases.chinese("something nobody wrote a phrase for", List.of())).isEqualTo("something nobody wrote a phrase for");
    }
}
