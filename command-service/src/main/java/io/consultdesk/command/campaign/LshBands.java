package io.consultdesk.command.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing of a signature: its first {@code bands × rows} values cut into bands of
 * {@code rows}; two texts become candidates when any band agrees entirely. A pair of similarity s agrees in some
 * band with probability 1 − (1 − s^rows)^bands, the S-curve the band count and width are chosen by.
 */
public record LshBands(int bands, int rows) {

    public LshBands {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("LSH of " + bands + " bands of " + rows + " rows");
        }
    }

    /** One key per band, {@code band|hash}, the band's number first so that equal values in different bands differ. */
    public List<String> keys(Signature signature) {
        if (signature.length() < bands * rows) {
            throw new IllegalArgumentException("a signature of " + signature.length() + " values has no " + bands + " bands of " + rows);
        }
        List<String> keys = new ArrayList<>(bands);
        for (int band = 0; band < bands; band++) {
            long hash = band;
            for (int row = 0; row < rows; row++) {
                hash = Hashes.mix(hash * 31 + signature.value(band * rows + row));
            }
            keys.add(band + "|" + Long.toHexString(hash));
        }
        return keys;
    }

    /** Whether two signatures share a band: whether LSH makes them candidates. */
    public boolean candidates(Signature a, Signature b) {
        for (int band = 0; band < bands; band++) {
            boolean same = true;
            for (int row = 0; row < rows && same; row++) {
                same = a.value(band * rows + row) == b.value(band * rows + row);
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** The probability that a pair of Jaccard similarity {@code s} shares a band. */
    public double probability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }
}
