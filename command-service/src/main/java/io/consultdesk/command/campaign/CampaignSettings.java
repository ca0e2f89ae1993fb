package io.consultdesk.command.campaign;

/**
 * How near-copies are told apart, chosen on the tuning part of the labelled corpus
 * ({@code benchmarks/run.sh campaign-quality} shows the curve and the held-out figures): shingles of
 * {@code shingleLength} characters, signatures of {@code signatureLength} values, LSH in {@code bands} × {@code rows},
 * and the least estimated similarity to a cluster's representative for a comment to join it.
 */
public record CampaignSettings(int shingleLength, int signatureLength, LshBands lsh, double threshold) {

    public static final CampaignSettings DEFAULT = new CampaignSettings(3, 128, new LshBands(16, 4), 0.5);

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
