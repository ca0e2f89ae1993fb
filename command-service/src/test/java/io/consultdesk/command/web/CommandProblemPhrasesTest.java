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
    void whatAFormOrAFileGotWrongReadsInChineseWithItsFieldAndValuesKept() {
        assertThat(chinese("clause: the draft has no clause （九十九）")).isEqualTo("clause：征求意见稿中没有条款 （九十九）");
        assertThat(chinese("consideredOpinions: '市科技创新局' gave no co-handling opinion on this item (opinions from: 市发展改革委)"))
                .isEqualTo("consideredOpinions：“市科技创新局”没有对这条意见提出协办意见（已提出的单位：市发展改革委）");
        assertThat(chinese("consideredOpinions: '市科技创新局' gave no co-handling opinion on this item"))
                .isEqualTo("consideredOpinions：“市科技创新局”没有对这条意见提出协办意见");
        assertThat(chinese("outcomes[1].class: 'maybe' is not a class: use accepted, partly, not-accepted or explained"))
                .isEqualTo("outcomes[1].class：“maybe”不是用语类别：可用 accepted、partly、not-accepted 或 explained");
        assertThat(chinese("file: 'x.pdf' is not a table ConsultDesk reads: use .txt (the published layout, or labelled paragraphs), .csv, "
                + ".xlsx or .docx (a .doc must be saved as .docx first)")).startsWith("file：“x.pdf”不是可导入的表格").contains(".docx");
        assertThat(chinese("file: the first sheet is empty: it holds no rows at all")).isEqualTo("file：文件是空的：其中没有任何内容");
        assertThat(chinese("file: no table found: neither a header row nor comments written as labelled paragraphs (1. 反馈人：… 意见建议：… 采纳情况：…)"))
                .isEqualTo("file：没有找到表格：既没有表头行，也没有逐条标注的意见（1. 反馈人：… 意见建议：… 采纳情况：…）");
        assertThat(chinese("columns: 'writer' is not a column role: use serial, submitter, unit, person, opinion, outcome, reason or ignore"))
                .startsWith("columns：“writer”不是列的用途");
        assertThat(chinese("line 3: the chapter is longer than 200 characters")).isEqualTo("line 3：章节名称超过 200 个字符");
        assertThat(chinese("line 3: a clause names at most 50 responsible units")).isEqualTo("line 3：一个条款最多列 50 个责任单位");
        assertThat(chinese("body: a catalogue has at most 2000 clauses, this one has 2001")).isEqualTo("body：条款目录最多 2000 个条款，此目录有 2001 个");
    }

    @Test
    void anAggregatesRefusalReadsInChineseTooAndOneNoPhraseKnowsAsWritten() {
        assertThat(chinese("only a supervisor (or an administrator) may open a consultation or change its catalogue"))
                .isEqualTo("只有主管（或管理员）可以发布征求意见稿或修改其条款目录");
        assertThat(chinese("a refusal no phrase knows")).isEqualTo("a refusal no phrase knows");
    }
}
