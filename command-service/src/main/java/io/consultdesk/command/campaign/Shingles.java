package io.consultdesk.command.campaign;

import java.util.stream.LongStream;

/**
 * The character n-grams of a normalised text, hashed to 64 bits (a set: repeats count once). Chinese has no
 * spaces to cut words at, so overlapping characters stand in for words; a text shorter than n is one shingle.
 */
public final class Shingles {

    private Shingles() {
    }

    /** The distinct hashes of the n-grams of {@code text}, which holds no surrogate pairs' halves apart (see below). */
    public static long[] of(String text, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("shingles of " + n + " characters");
        }
        if (text.isEmpty()) {
            return new long[0];
        }
        // n counts UTF-16 units: the rare Han characters outside the BMP count twice, which changes only how
        // many characters such a shingle spans, never whether two equal texts agree
        if (text.length() <= n) {
            return new long[] {Hashes.of(text, 0, text.length())};
        }
        return LongStream.range(0, text.length() - n + 1)
                .map(i -> Hashes.of(text, (int) i, (int) i + n)).distinct().toArray();
    }
}
