package io.consultdesk.query.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.query.desk.CommandService.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page says when command-service refused its command: in the page's language, naming the fields. */
class FormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Reply reply(int status, String body) throws Exception {
        return new Reply(status, JSON.readTree(body));
    }

    @Test
    void aBadFieldIsNamedWithCommandServicesOwnWords() throws Exception {
        Forms.Notice notice = Forms.refusal(reply(400, """
                {"status":400,"detail":"字段无效：submitter.name","errors":[{"field":"submitter.name","message":"不能为空"}]}"""),
                new Labels(null));
        assertThat(notice.refused()).isTrue();
        assertThat(notice.text()).isEqualTo("字段无效：submitter.name；submitter.name：不能为空");
        assertThat(notice.html()).contains("role=\"alert\"");
    }

    @Test
    void theRateLimitTheServiceAwayAndASignInAreSaidInThePagesLanguage() throws Exception {
        String limit = "{\"status\":429,\"detail\":\"at most 30 comments a minute may be submitted from one address; try again later\"}";
        assertThat(Forms.refusal(reply(429, limit), new Labels(null)).text()).isEqualTo("提交过于频繁，请一分钟后再试");
        assertThat(Forms.refusal(reply(429, limit), new Labels("en")).text()).startsWith("Too many comments");
        assertThat(Forms.refusal(reply(503, "{}"), new Labels(null)).text()).contains("未作任何记录");
        assertThat(Forms.refusal(reply(401, "{}"), new Labels(null)).text()).isEqualTo("请先登录");
    }

    @Test
    void aNoticeIsEscaped() {
        assertThat(Forms.Notice.done("<b>已保存</b>").html()).contains("&lt;b&gt;已保存&lt;/b&gt;").contains("role=\"status\"");
    }
}
