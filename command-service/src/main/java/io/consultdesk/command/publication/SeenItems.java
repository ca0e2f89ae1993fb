package io.consultdesk.command.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The items a walk has met, to pass over a second entry of one item (see {@link ConsultationItems}): 64 bits
 * of each id's SHA-256 in an open-addressed table of longs, about 16 bytes an item instead of the id itself.
 * Two ids sharing 64 bits would take one of them for the other; among a million items the chance is below one
 * in ten million.
 */
final class SeenItems {

    private long[] table = new long[1 << 10];
    private int size;
    private boolean zeroSeen;
    private final MessageDigest sha256;

    SeenItems() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the id; false when it was met before. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            boolean first = !zeroSeen;
            zeroSeen = true;
            return first;
        }
        if (2 * (size + 1) > table.length) {
            grow();
        }
        if (!insert(table, h)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = h;
                return true;
            }
            if (table[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        Arrays.stream(table).filter(h -> h != 0).forEach(h -> insert(bigger, h));
        table = bigger;
    }

    private long hash(String id) {
        byte[] digest = sha256.digest(id.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return h;
    }
}
