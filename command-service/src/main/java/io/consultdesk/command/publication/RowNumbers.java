package io.consultdesk.command.publication;

import java.util.Arrays;

/**
 * The 序号 of each row of a table about to be published. A row imported from a table that was already
 * published keeps the 序号 it had there (the public has cited it); every other row, in the order received,
 * takes the next number after the highest kept one. Two rows keeping the same 序号 refuse the publication
 * ({@link #clashes}). Rows are given as the first {@code n} entries of parallel arrays of numbers, in arrival
 * order (arrays filled as the items were read, not copied to their length: a million rows are several).
 */
final class RowNumbers {

    private RowNumbers() {
    }

    /**
     * Each row's 序号. {@code receivedAt} (millis) orders the rows as received, ties in arrival order (the
     * arrays' order); {@code kept}: a row's kept 序号, or 0.
     */
    static int[] assign(long[] receivedAt, int[] kept, int n) {
        int[] order = inOrderReceived(receivedAt, n);
        int highest = 0;
        for (int i = 0; i < n; i++) {
            highest = Math.max(highest, kept[i]);
        }
        int[] numbers = new int[n];
        int next = highest;
        for (int i : order) {
            numbers[i] = kept[i] != 0 ? kept[i] : ++next;
        }
        return numbers;
    }

    /**
     * Adjusts the numbering of a publication resumed after a stop to the rows it had published already:
     * {@code published} is a row's 序号 in this version, or 0 when not published yet. Those keep theirs; should
     * the items have changed meanwhile (one withdrawn before its row was published), a row whose 序号 another
     * row already holds takes the next one after all that are taken, so no 序号 is held twice.
     */
    static void keepPublished(int[] numbers, int[] published, int n) {
        int highest = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (published[i] != 0) {
                numbers[i] = published[i];
                count++;
            }
            highest = Math.max(highest, numbers[i]);
        }
        if (count == 0) {
            return;
        }
        int[] taken = new int[count];
        for (int i = 0, t = 0; i < n; i++) {
            if (published[i] != 0) {
                taken[t++] = published[i];
            }
        }
        Arrays.sort(taken);
        for (int i = 0; i < n; i++) {
            if (published[i] == 0 && Arrays.binarySearch(taken, numbers[i]) >= 0) {
                numbers[i] = ++highest;
            }
        }
    }

    /**
     * The kept 序号 that more than one row holds, ascending; empty when none. (Sorted values, not a bit per
     * number: a table may keep 序号 far above its row count.)
     */
    static int[] clashes(int[] kept, int n) {
        int[] values = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (kept[i] != 0) {
                values[count++] = kept[i];
            }
        }
        Arrays.sort(values, 0, count);
        int[] clashes = new int[count / 2];
        int found = 0;
        for (int i = 1; i < count; i++) {
            if (values[i] == values[i - 1] && (found == 0 || clashes[found - 1] != values[i])) {
                clashes[found++] = values[i];
            }
        }
        return Arrays.copyOf(clashes, found);
    }

    /** Indexes of the rows in the order received: by time of receipt, ties by index (a stable merge sort of ints). */
    static int[] inOrderReceived(long[] receivedAt, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int from = 0; from < n; from += 2 * width) {
                int mid = Math.min(n, from + width);
                int to = Math.min(n, from + 2 * width);
                int a = from;
                int b = mid;
                int k = from;
                while (a < mid && b < to) {
                    buffer[k++] = receivedAt[order[b]] < receivedAt[order[a]] ? order[b++] : order[a++];
                }
                while (a < mid) {
                    buffer[k++] = order[a++];
                }
                while (b < to) {
                    buffer[k++] = order[b++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }
}
