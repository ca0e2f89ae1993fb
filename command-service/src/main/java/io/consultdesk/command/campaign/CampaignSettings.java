package io.consultdesk.command.campaign;

/**
 * How near-copies are told apart: shingles of {@code shingleLength} characters, signatures of {@code signatureLength}
 * values, LSH in {@code bands} × {@code rows}, and the least estimated similarity to a cluster's representative for a
 * comment to join it. {@link #DEFAULT} was chosen on the tuning part of the labelled corpus alone
 * ({@code benchmarks/run.sh campaign-quality} shows the curves):
 * <ul>
 *   <li>shingles of 2: at every threshold they find more of the campaigns' pairs than 3 or 4 at no loss of precision
 *       (a copy's changed words break fewer short shingles);</li>
 *   <li>threshold 0.30: the lowest whose precision on the tuning pairs is at least 0.99 (0.25 gives 0.989);</li>
 *   <li>LSH 32 × 4 over all 128 values: 32 × 3 finds a few more copies, but makes four times as many unrelated pairs
 *       share a band (0.8% against 0.18%), each a cluster a lookup reads and compares for nothing — at 100,000
 *       comments in a consultation that is what a lookup would cost; fewer bands lose copies (16 × 4 finds 65%
 *       of the pairs on receipt against 77%).</li>
 * </ul>
 */
public record CampaignSettings(int shingleLength, int signatureLength, LshBands lsh, double threshold) {

    public static final CampaignSettings DEFAULT = new CampaignSettings(2, 128, new LshBands(32, 4), 0.30);

    public CampaignSettings {
        if (lsh.bands() * lsh.rows() > signatureLength) {
            throw new IllegalArgumentException(lsh + " needs more than " + signatureLength + " values");
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("a threshold of " + threshold);
        }
    }

    public CampaignSettings withThreshold(double newThreshold) {
        return new CampaignSettings(shingleLength, signatureLength, lsh, newThreshold);
    }
}
