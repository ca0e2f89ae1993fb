package io.consultdesk.command.routing;

import io.consultdesk.command.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CitationExtractorTest {

    private final CitationExtractor extractor = CitationExtractor.forDraft(
            "深圳市打造人工智能先锋城市的若干措施（征求意见稿）",
            Map.of("二", "强化算力普惠供给", "四", "推动“+AI”应用创新示范", "七", "完善人工智能发展环境"));

    @Test
    void agreesWithTheOracleOnAll55RowsOfTheRealTable() {
        List<String> opinions = SeedFiles.opinions();
        List<SeedFiles.Expected> expected = SeedFiles.expected();
        assertThat(opinions).hasSize(55);
        assertThat(expected).hasSize(55);
        List<String> disagreements = new ArrayList<>();
        for (SeedFiles.Expected row : expected) {
            List<String> found = extractor.extract(opinions.get(row.row() - 1)).clauseLabels();
            if (!found.equals(row.clauses())) {
                disagreements.add("row " + row.row() + ": expected " + row.clauses() + ", found " + found);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "第（十五）条建议新增 | （十五）",
            "第(十五)条建议新增 | （十五）",
            "第十五条建议新增 | （十五）",
            "第15条建议新增 | （十五）",
            "第（15）条 | （十五）",
            "引用（十一）条，建议将 | （十一）",
            "引用第（八）条原文 | （八）",
            "引用（十九）加强人工智能人才培育，建议 | （十九）",
            "在《若干措施》“七、完善人工智能发展环境、（二十）打造公共技术服务平台”中增加 | （二十）",
            "第（三）、（四）条都应 | （三） （四）",
            "第（三）至（五）条 | （三） （四） （五）",
            "建议参照《深圳市重点实验室建设和运行管理办法》第三条，并修改第（九）条 | （九）",
            "在《征求意见稿》中采用民法典第二条中规定的自然人 | ",
            "《若干措施》第（二十五）条 | （二十五）",
            "第二十一条和第（三）条 | （二十一） （三）",
            "建议如下：（一）加大补贴；（二）简化流程 | ",
    })
    void findsEveryWrittenFormOfAClauseCitation(String text, String expected) {
        List<String> want = expected == null ? List.of() : List.of(expected.split(" "));
        assertThat(extractor.extract(text).clauseLabels()).isEqualTo(want);
    }

    @Test
    void findsChapterReferencesApartFromClauses() {
        Citations c = extractor.extract("在《若干措施》“四、推动“+AI”应用创新示范，五、加强科技创新能力”中增加鼓励");
        assertThat(c.chapters()).containsExactly("四", "五");
        assertThat(c.clauses()).isEmpty();

        assertThat(extractor.extract("关于强化算力普惠供给，建议增加发放“机器人券”").chapters()).containsExactly("二");
        assertThat(extractor.extract("我建议：\n\n一、将会计师事务所纳入；\n\n二、采用民事主体概念").chapters())
                .as("a commenter's own numbered list is not a chapter reference").isEmpty();
    }

    @Test
    void aNumberNoDraftHasIsNoCitationAndTheCommentIsStillRead() {
        assertThat(extractor.extract("建议删除第0条，并修改第〇条和第（零）条。").clauseLabels()).isEmpty();
        assertThat(extractor.extract("第0条、第（三）条都应修改；引用（〇）").clauseLabels()).containsExactly("（三）");
    }

    @Test
    void nothingToFindInEmptyText() {
        assertThat(extractor.extract("").clauses()).isEmpty();
        assertThat(extractor.extract(null).chapters()).isEmpty();
    }
}
