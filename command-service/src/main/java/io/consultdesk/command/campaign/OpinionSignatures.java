package io.consultdesk.command.campaign;

import java.util.Collection;
import java.util.List;

/** An opinion's signature under given settings: normalised, names cut, shingled, MinHashed. */
public final class OpinionSignatures {

    private final CampaignSettings settings;
    private final MinHasher hasher;

    public OpinionSignatures(CampaignSettings settings) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.signatureLength());
    }

    public CampaignSettings settings() {
        return settings;
    }

    /** The signature of {@code opinion} with {@code names} cut from it; null when no words are left. */
    public Signature of(String opinion, Collection<String> names) {
        return ofNormalised(OpinionNormaliser.normalise(opinion, names));
    }

    /** The signature of a text {@link OpinionNormaliser} gave; null when it is empty. */
    public Signature ofNormalised(String text) {
        return hasher.signature(Shingles.of(text, settings.shingleLength()));
    }

    public Signature of(String opinion) {
        return of(opinion, List.of());
    }
}
