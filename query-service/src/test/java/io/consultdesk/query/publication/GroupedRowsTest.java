package io.consultdesk.query.publication;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Grouped rows: a campaign's copies answered alike are one row, counted; everything else is as published. */
class GroupedRowsTest {

    private static PublishedRow row(int n, String id, String decision) {
        return new PublishedRow(n, id, "陈*" + n, "意见" + n, decision, decision.substring(0, 2));
    }

    @Test
    void copiesAnsweredAlikeAreOneRowAtTheFirstOfThemAndOthersKeepTheirRows() {
        List<PublishedRow> table = List.of(
                row(1, "a1", "采纳。"), row(2, "x", "不采纳。"), row(3, "a2", "采纳。"), row(4, "a3", "不采纳，另行研究。"),
                row(5, "b1", "采纳。"), row(6, "a4", "采纳。"), row(7, "b2", "部分采纳。"));
        Map<String, String> clusterOf = Map.of("a1", "a1", "a2", "a1", "a3", "a1", "a4", "a1", "b1", "b1", "b2", "b1");
        List<PublishedRow> shown = new ArrayList<>();
        new GroupedRows(table::forEach, clusterOf).forEach(shown::add);

        assertThat(shown).extracting(PublishedRow::rowNumber).containsExactly(1, 2, 4, 5, 7);
        assertThat(shown.get(0).submitter()).isEqualTo("陈*1等（同类意见 3 条）");
        assertThat(shown.get(0).decision()).isEqualTo("采纳。");
        assertThat(shown.get(2).submitter()).as("a copy answered otherwise keeps its row").isEqualTo("陈*4");
        assertThat(shown.get(3).submitter()).as("a campaign whose copies were answered differently").isEqualTo("陈*5");
    }
}
