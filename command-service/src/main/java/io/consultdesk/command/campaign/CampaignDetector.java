package io.consultdesk.command.campaign;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds, for a comment being received, the campaign cluster it belongs to.
 * <p>
 * A comment near enough (estimated similarity at least the threshold) to a cluster's representative joins the
 * most similar one. A comment that joins none is remembered as the representative of a cluster of its own that
 * has no members yet: nothing is recorded for it until a second comment joins it, so a consultation's clusters
 * are only those of two or more comments, and the representative is the first comment of its campaign to
 * arrive. Its cluster's id is the representative's own id, which a replay or another instance derives alike.
 * <p>
 * A comment costs at most two reads of the index (its bands; the clusters they lead to, when they lead anywhere)
 * and, when it joins none, one write. Every comment that joins none is remembered, also one whose bands led to
 * clusters it was not like enough: in a large consultation most comments share a band with some unrelated
 * earlier one, and a campaign whose first copy was not remembered would never be found.
 */
public final class CampaignDetector {

    /**
     * The fewest characters (normalised) a comment needs to be compared at all. "建议", "同意", "第（三）条建议" are no
     * template: their handful of shingles make any two alike, and grouping them would say nothing.
     */
    public static final int SHORTEST_COMPARED = 12;

    private final OpinionSignatures signatures;
    private final CampaignIndex index;

    public CampaignDetector(CampaignSettings settings, CampaignIndex index) {
        this.signatures = new OpinionSignatures(settings);
        this.index = index;
    }

    public CampaignSettings settings() {
        return signatures.settings();
    }

    /** What a comment is: its signature, bands and the cluster it joins, if any. Reads the index, changes nothing. */
    public Detection detect(String consultationId, String opinion, Collection<String> names) {
        String text = OpinionNormaliser.normalise(opinion, names);
        if (text.length() < SHORTEST_COMPARED) {
            return Detection.NOTHING_TO_COMPARE;
        }
        Signature signature = signatures.ofNormalised(text);
        List<String> bands = settings().lsh().keys(signature);
        List<Representative> candidates = index.candidates(consultationId, bands);
        Optional<CampaignMatch> match = best(signature, candidates, settings().threshold());
        return new Detection(signature, bands, match.orElse(null), candidates.size());
    }

    /** Remembers a comment that joined no cluster as a representative, when it should be (see the class). */
    public void remember(String consultationId, String submissionId, Detection detection) {
        if (detection.representsItsOwn()) {
            index.remember(consultationId, new Representative(submissionId, submissionId, detection.signature()), detection.bands());
        }
    }

    /** The most similar representative at or above the threshold; ties go to the earliest found. */
    static Optional<CampaignMatch> best(Signature signature, List<Representative> candidates, double threshold) {
        return candidates.stream()
                .map(r -> new CampaignMatch(r.clusterId(), r.representativeId(), signature.similarity(r.signature()), r.terms()))
                .filter(m -> m.similarity() >= threshold)
                .max(Comparator.comparingDouble(CampaignMatch::similarity));
    }

    /**
     * A comment's detection. {@code match}: the cluster it joins, or null; {@code compared}: how many clusters'
     * representatives it was compared with (none: its bands led nowhere, and the second read was not needed).
     */
    public record Detection(Signature signature, List<String> bands, CampaignMatch match, int compared) {

        static final Detection NOTHING_TO_COMPARE = new Detection(null, List.of(), null, 0);

        /** Whether it is remembered as a representative: it has words to compare and joined no cluster. */
        public boolean representsItsOwn() {
            return signature != null && match == null;
        }
    }
}
