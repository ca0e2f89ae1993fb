package io.consultdesk.command.publication;

import java.util.BitSet;

/**
 * The 序号 of each row of a table about to be published. A row imported from a table that was already
 * published keeps the 序号 it had there (the public has cited it); every other row, in the order received,
 * takes the next number after the highest kept one. Two rows keeping the same 序号 refuse the publication
 * ({@link #clashes}). Rows are given as parallel arrays of numbers, in arrival order.
 */
final class RowNumbers {

    private RowNumbers() {
    }

    /**
     * Each row's 序号. {@code receivedAt} (millis) orders the rows as received, ties in arrival order (the
     * arrays' order); {@code kept}: a row's kept 序号, or 0.
     */
    static int[] assign(long[] receivedAt, int[] kept) {
        int n = kept.length;
        int[] order = inOrderReceived(receivedAt);
        int highest = 0;
        for (int k : kept) {
            highest = Math.max(highest, k);
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
    static void keepPublished(int[] numbers, int[] published) {
        BitSet taken = new BitSet();
        int highest = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (published[i] != 0) {
                numbers[i] = published[i];
                taken.set(published[i]);
            }
            highest = Math.max(highest, numbers[i]);
        }
        for (int i = 0; i < numbers.length; i++) {
            if (published[i] == 0 && taken.get(numbers[i])) {
                numbers[i] = ++highest;
            }
        }
    }

    /** The kept 序号 that more than one row holds, ascending; empty when none. */
    static int[] clashes(int[] kept) {
        BitSet seen = new BitSet();
        BitSet twice = new BitSet();
        for (int k : kept) {
            if (k != 0) {
                (seen.get(k) ? twice : seen).set(k);
            }
        }
        return twice.stream().toArray();
    }

    /** Indexes of the rows in the order received: by time of receipt, ties by index (a stable merge sort of ints). */
    static int[] inOrderReceived(long[] receivedAt) {
        int n = receivedAt.length;
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
