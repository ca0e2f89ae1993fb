package io.consultdesk.query.publication;

import io.consultdesk.query.ViewsFixture;
import io.consultdesk.query.feed.LiveViews;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A published version's rows come out whole and in 序号 order, read by key, gaps in a kept numbering included. */
class PublishedTablesTest {

    private static ViewsFixture store;
    private static LiveViews views;

    @BeforeAll
    static void start() {
        store = new ViewsFixture();
        views = store.freshViews();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @Test
    void aLargeTableComesOutInOrderAThousandKeysPerRead() {
        TableVersion table = publish("big", IntStream.rangeClosed(1, 2_500).boxed().toList());
        store.findFiltersSince(PublishedTableProjection.ROWS);

        List<Integer> numbers = numbersOf(table);

        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, 2_500).boxed().toList());
        assertThat(store.findFiltersSince(PublishedTableProjection.ROWS)).hasSize(3).allSatisfy(f -> {
            assertThat(f.keySet()).containsExactly("_id");
            assertThat(f.getDocument("_id").getArray("$in")).hasSizeLessThanOrEqualTo(1_000);
        });
    }

    @Test
    void keptNumbersWithGapsAndFarAboveTheRowCountAreAllThere() {
        List<Integer> kept = List.of(1, 2, 4, 7, 1_500, 90_000);
        TableVersion table = publish("kept", kept);

        assertThat(numbersOf(table)).isEqualTo(kept);
        assertThat(PublishedTables.walkLimit(kept.size())).as("90000 is beyond the walk: read by the sorted query").isLessThan(90_000);
    }

    @Test
    void aVersionIsCompleteOnlyOnceEveryRowHasArrived() {
        TableVersion table = publish("arriving", List.of(1, 2, 3));
        TableVersion announced = new TableVersion(table.consultationId(), 1, "h", table.publishedAt(), Map.of(), 4);
        PublishedTables tables = new PublishedTables(views);

        assertThat(tables.complete(announced)).isFalse();
        rowsOf("arriving", List.of(4));
        assertThat(tables.complete(announced)).isTrue();
    }

    private static List<Integer> numbersOf(TableVersion table) {
        List<Integer> numbers = new ArrayList<>();
        new PublishedTables(views).forEachRow(table, row -> numbers.add(row.rowNumber()));
        return numbers;
    }

    private static TableVersion publish(String consultation, List<Integer> numbers) {
        rowsOf(consultation, numbers);
        return new TableVersion(consultation, 1, "社会公众意见采纳情况表", Instant.parse("2024-10-01T00:00:00Z"), Map.of(), numbers.size());
    }

    private static void rowsOf(String consultation, List<Integer> numbers) {
        List<Document> rows = new ArrayList<>();
        for (int n : numbers) {
            rows.add(new Document("_id", PublishedTableProjection.rowId(consultation, 1, n)).append("consultationId", consultation)
                    .append("version", 1).append("rowNumber", n).append("submissionId", "s" + n).append("submitter", "陈*天")
                    .append("opinion", "意见" + n).append("outcome", "采纳").append("decision", "采纳。"));
        }
        // stored in an order other than 序号, as rows arrive from several partitions
        Collections.reverse(rows);
        views.collection(PublishedTableProjection.ROWS).insertMany(rows);
    }
}
