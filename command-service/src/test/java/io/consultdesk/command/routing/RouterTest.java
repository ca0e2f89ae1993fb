package io.consultdesk.command.routing;

import io.consultdesk.command.SeedFiles;
import io.consultdesk.command.consultation.ClauseCatalogueTsv;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

    private static final String DRAFTING_UNIT = "市工业和信息化局";
    private final ClauseCatalogue catalogue = new ClauseCatalogue(ClauseCatalogueTsv.parse(SeedFiles.read("clauses.tsv")));

    @Test
    void routesAll55SeedRowsToTheUnitsTheCatalogueNamesOrToTheDraftingUnit() {
        CitationExtractor extractor = CitationExtractor.forDraft("若干措施", catalogue.chapterTitles());
        List<String> opinions = SeedFiles.opinions();
        for (SeedFiles.Expected row : SeedFiles.expected()) {
            Citations cited = extractor.extract(opinions.get(row.row() - 1));
            Routing routing = Router.route(cited.clauses(), catalogue, DRAFTING_UNIT);
            List<String> named = row.clauses().stream()
                    .flatMap(c -> catalogue.find(ClauseNumber.parse(c)).map(Clause::responsibleUnits).orElse(List.of()).stream())
                    .distinct().toList();
            if (named.isEmpty()) {
                assertThat(routing.triage()).as("row %d", row.row()).isTrue();
                assertThat(routing.leadBureau()).as("row %d", row.row()).isEqualTo(DRAFTING_UNIT);
            } else {
                assertThat(routing.triage()).as("row %d", row.row()).isFalse();
                assertThat(routing.leadBureau()).as("row %d", row.row()).isEqualTo(named.get(0));
                assertThat(routing.coBureaus()).as("row %d", row.row()).isEqualTo(named.subList(1, named.size()));
            }
        }
    }

    @Test
    void theSeedRowsThatQuoteUnitsGoWhereTheDraftSays() {
        assertThat(Router.route(List.of(ClauseNumber.parse("（三）")), catalogue, DRAFTING_UNIT).leadBureau()).isEqualTo("市发展改革委");
        Routing four = Router.route(List.of(ClauseNumber.parse("（四）")), catalogue, DRAFTING_UNIT);
        assertThat(four.leadBureau()).isEqualTo("市科技创新局");
        assertThat(four.coBureaus()).contains("前海管理局", "深汕特别合作区管委会");
    }

    @Test
    void severalClausesGiveTheUnionLedByTheFirstClauseWithUnits() {
        ClauseCatalogue c = new ClauseCatalogue(List.of(
                new Clause("（一）", "", "", List.of()),
                new Clause("（二）", "", "", List.of("甲局", "乙局")),
                new Clause("（三）", "", "", List.of("丙局", "甲局"))));
        Routing routing = Router.route(List.of(new ClauseNumber(1), new ClauseNumber(3), new ClauseNumber(2)), c, "起草处");
        assertThat(routing.leadBureau()).isEqualTo("丙局");
        assertThat(routing.coBureaus()).containsExactly("甲局", "乙局");
        assertThat(routing.basis()).extracting(Routing.RoutingBasis::clause).containsExactly("（一）", "（三）", "（二）");
        assertThat(routing.basis().get(0).units()).as("why the first clause gave nothing").isEmpty();
    }

    @Test
    void noCitationOrOnlyUnknownUnitsGoesToTheDraftingUnitForTriage() {
        assertThat(Router.route(List.of(), catalogue, DRAFTING_UNIT)).extracting(Routing::leadBureau, Routing::triage)
                .containsExactly(DRAFTING_UNIT, true);
        Routing unknown = Router.route(List.of(ClauseNumber.parse("（二）")), catalogue, DRAFTING_UNIT);
        assertThat(unknown.triage()).isTrue();
        assertThat(unknown.basis()).containsExactly(new Routing.RoutingBasis("（二）", List.of()));
        assertThat(catalogue.chapterTitles()).containsAllEntriesOf(Map.of("二", "强化算力普惠供给", "七", "完善人工智能发展环境"));
    }
}
