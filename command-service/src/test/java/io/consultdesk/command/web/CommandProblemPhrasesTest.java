package io.consultdesk.command.web;

import io.consultdesk.security.ProblemErrorPages;
import io.consultdesk.security.ProblemPhrases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** command-service's details about requests read in Chinese, field names kept, and so do the aggregates' refusals. */
class CommandProblemPhrasesTest {

    private final List<ProblemPhrases> phrases = List.of(new RefusalPhrases().refusalsInChinese(),
            new CommandProblemPhrases().commandServicePhrases(), new ProblemErrorPages().sharedProblemPhrases());

    private String chinese(String detail) {
        return ProblemPhrases.chinese(detail, phrases);
    }

    @Test
    void requestsAreRefusedInChineseWithTheirFieldsNamed() {
        assertThat(chinese("invalid fields: title, clauses[0].number")).isEqualTo("以下字段无效：title, clauses[0].number");
        assertThat(chinese("timeZone: 'Mars/Olympus' is not a time zone (e.g. Asia/Shanghai)"))
                .isEqualTo("timeZone：“Mars/Olympus”不是时区（例如 Asia/Shanghai）");
        assertThat(chinese("body: is not valid JSON (or not UTF-8)")).isEqualTo("body：不是有效的 JSON（或不是 UTF-8）");
        assertThat(chinese("title: must not be blank")).isEqualTo("title：不能为空");
        assertThat(chinese("handlingWorkingDays: must be less than or equal to 365")).isEqualTo("handlingWorkingDays：须不大于 365");
        assertThat(chinese("the event store is not reachable right now; nothing was recorded, try again shortly"))
                .isEqualTo("事件库暂时无法连接，未记录任何内容，请稍后再试");
        assertThat(chinese("expectedVersion 2 is stale: the item is now at version 4; reload it and try again"))
                .isEqualTo("expectedVersion 2 已过时：这条意见现为第 4 版，请刷新后重试");
    }

    @Test
    void anAggregatesRefusalReadsInChineseTooAndOneNoPhraseKnowsAsWritten() {
        assertThat(chinese("only a supervisor (or an administrator) may open a consultation or change its catalogue"))
                .isEqualTo("只有主管（或管理员）可以发布征求意见稿或修改其条款目录");
        assertThat(chinese("a refusal no phrase knows")).isEqualTo("a refusal no phrase knows");
    }
}
