package io.consultdesk.query.presentation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Clauses in document order, local times, lists and counts as text: what every page and API shows. */
class PresentationTest {

    @Test
    void clausesSortByTheValueOfTheirNumeralNotByCharacterCode() {
        List<String> cited = List.of("（九）", "（三）", "（十一）", "（一）", "（七）", "（二十）", "（十）", "（二）", "（一百零二）", "（二十五）");
        assertThat(ClauseOrder.sorted(cited))
                .containsExactly("（一）", "（二）", "（三）", "（七）", "（九）", "（十）", "（十一）", "（二十）", "（二十五）", "（一百零二）");
        assertThat(ClauseOrder.value("（十五）")).isEqualTo(15);
        assertThat(ClauseOrder.value("(3)")).isEqualTo(3);
        assertThat(ClauseOrder.sorted(List.of("附则", "（二）", "（一）"))).as("what is no clause number comes last")
                .containsExactly("（一）", "（二）", "附则");
    }

    @Test
    void timesAreShownToTheMinuteInTheConsultationsZone() {
        Instant t = Instant.parse("2024-09-16T02:00:00Z");
        assertThat(LocalTimes.in(LocalTimes.zone(null)).format(t)).isEqualTo("2024-09-16 10:00");
        assertThat(LocalTimes.in(ZoneId.of("Europe/Berlin")).format(t)).isEqualTo("2024-09-16 04:00");
        assertThat(LocalTimes.zone("Not/AZone")).as("an unknown zone falls back to the default").isEqualTo(LocalTimes.DEFAULT_ZONE);
        assertThat(LocalTimes.in(null).format((Instant) null)).isEmpty();
    }

    @Test
    void listsAndCountsReadAsText() {
        assertThat(Text.list(List.of("（十五）", "（十六）"))).isEqualTo("（十五）、（十六）");
        assertThat(Text.list(List.of())).isEmpty();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("部分采纳", 1);
        counts.put("不采纳", 3);
        assertThat(Text.counts(counts)).isEqualTo("部分采纳 1、不采纳 3");
    }
}
