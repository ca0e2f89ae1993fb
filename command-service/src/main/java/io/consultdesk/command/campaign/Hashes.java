package io.consultdesk.command.campaign;

/**
 * The fixed 64-bit hashing the signatures are built from. Nothing here depends on the JVM, the platform's
 * {@code hashCode} or a random seed: a replay, another instance or a later release computes the same signature
 * for the same text, which the stored bands and representatives rely on.
 */
final class Hashes {

    private Hashes() {
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values that mixes every input bit into every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-16 units of {@code text} from {@code start} to {@code end}, then mixed. */
    static long of(CharSequence text, int start, int end) {
        long hash = 0xcbf29ce484222325L;
        for (int i = start; i < end; i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** {@code count} seeds drawn from SplitMix64's sequence from a fixed start. */
    static long[] seeds(long start, int count) {
        long[] seeds = new long[count];
        long state = start;
        for (int i = 0; i < count; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
