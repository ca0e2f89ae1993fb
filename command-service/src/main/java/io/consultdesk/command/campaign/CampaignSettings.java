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
 *   <li>LSH 32 × 4 over all 128 values: layouts of 2 or 3 rows find more copies on this small corpus (16 × 2: 87%
 *       of the pairs on receipt against 78%), but make 4 to 35 times as many unrelated pairs share a band (0.6% to
 *       6.2% against 0.18%). In a consultation of 100,000 comments each such pair is a cluster a lookup reads and
 *       compares for nothing, and a band that many share fills up and stops leading to new clusters. Fewer bands of
 *       4 lose copies (16 × 4: 65%).</li>
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
