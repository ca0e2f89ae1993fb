package io.consultdesk.command.campaign;

/**
 * Computes MinHash signatures with fixed seeds: value i is the least of {@code mix(shingle ^ seed_i)} over the
 * shingles, kept to its upper 32 bits (two different minima agree by chance once in four billion).
 */
public final class MinHasher {

    /** The fixed start of the seeds' sequence; changing it changes every signature ever stored. */
    private static final long SEED_START = 0x436f6e73756c7444L;

    private final long[] seeds;

    public MinHasher(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a signature of " + length + " values");
        }
        this.seeds = Hashes.seeds(SEED_START, length);
    }

    public int length() {
        return seeds.length;
    }

    /** The signature of a set of shingle hashes; null for an empty set (a text with no words has no signature). */
    public Signature signature(long[] shingles) {
        if (shingles.length == 0) {
            return null;
        }
        int[] values = new int[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            long seed = seeds[i];
            long least = -1L; // the greatest unsigned value
            for (long shingle : shingles) {
                long h = Hashes.mix(shingle ^ seed);
                if (Long.compareUnsigned(h, least) < 0) {
                    least = h;
                }
            }
            values[i] = (int) (least >>> 32);
        }
        return new Signature(values);
    }
}
