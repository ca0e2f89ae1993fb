package io.consultdesk.command.publication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Row numbers from arrays of numbers: kept 序号, the order received, and a resumed publication's rows. */
class RowNumbersTest {

    @Test
    void keptNumbersStayAndTheOthersFollowTheHighestInTheOrderReceivedTiesInArrivalOrder() {
        long[] receivedAt = {30, 10, 20, 10, 5, 99};
        int[] kept = {0, 0, 7, 0, 2, 0};
        // only the first five are rows: the arrays are filled further than the rows they hold
        assertThat(RowNumbers.assign(receivedAt, kept, 5)).containsExactly(10, 8, 7, 9, 2);
    }

    @Test
    void aResumedPublicationKeepsWhatItPublishedAndHoldsNoNumberTwice() {
        int[] numbers = {1, 2, 3, 4};
        // rows 1 and 3 had been published as 1 and 2 (an item between them was withdrawn since)
        RowNumbers.keepPublished(numbers, new int[] {1, 0, 2, 0}, 4);
        assertThat(numbers).containsExactly(1, 5, 2, 4);
    }

    @Test
    void clashesAreTheKeptNumbersHeldMoreThanOnceEvenFarAboveTheRowCount() {
        int[] kept = {2_000_000_000, 3, 0, 2_000_000_000, 3, 3, 9, 0};
        assertThat(RowNumbers.clashes(kept, kept.length)).containsExactly(3, 2_000_000_000);
        assertThat(RowNumbers.clashes(kept, 3)).isEmpty();
    }
}
