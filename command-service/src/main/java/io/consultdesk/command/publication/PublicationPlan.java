package io.consultdesk.command.publication;

import java.util.Arrays;
import java.util.List;

/**
 * The rows of a version about to be published, as the check found them: for each row only numbers — its
 * item's arrival number (ascending, the order a walk meets them) and the 序号 it will have — so that a
 * million rows take twelve megabytes, not a million loaded items. {@code upTo} is the last arrival number the
 * check walked: items received after it belong to the next version.
 */
final class PublicationPlan {

    private final long upTo;
    private final long[] arrivals;
    private final int[] rowNumbers;
    private final int rows;
    private final List<String> leftOut;

    /** The first {@code rows} entries of {@code arrivals} and {@code rowNumbers} are the rows (the arrays are not copied). */
    PublicationPlan(long upTo, long[] arrivals, int[] rowNumbers, int rows, List<String> leftOut) {
        this.upTo = upTo;
        this.arrivals = arrivals;
        this.rowNumbers = rowNumbers;
        this.rows = rows;
        this.leftOut = List.copyOf(leftOut);
    }

    long upTo() {
        return upTo;
    }

    int rows() {
        return rows;
    }

    /** The 序号 of the item with this arrival number, or 0 when it is no row of the version. */
    int rowNumberOf(long arrival) {
        int i = Arrays.binarySearch(arrivals, 0, rows, arrival);
        return i < 0 ? 0 : rowNumbers[i];
    }

    /** The undecided items left out by name, in arrival order. */
    List<String> leftOut() {
        return leftOut;
    }
}
