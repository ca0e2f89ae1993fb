package io.consultdesk.command.consultation;

import io.consultdesk.command.routing.CitationExtractor;
import io.consultdesk.command.routing.ClauseCatalogue;

import java.time.ZoneId;
import java.util.List;

/**
 * What commands on a consultation's items need to know of it, as of one version: an immutable copy, so
 * that they can read it without taking the consultation's lock (which would make every comment on one
 * consultation wait for the one before it).
 */
public record ConsultationRules(String consultationId, String title, String draftingUnit, ClauseCatalogue catalogue,
                                int catalogueVersion, OutcomeVocabulary vocabulary, int handlingWorkingDays, boolean closed,
                                boolean maskOrganisations, ZoneId zone) {

    /** The outcome words, in order. */
    public List<String> outcomes() {
        return vocabulary.words();
    }

    public void ensureAcceptingComments() {
        if (closed) {
            throw new ConsultationRefused("consultation " + consultationId + " is closed for new comments");
        }
    }

    public CitationExtractor citationExtractor() {
        return CitationExtractor.forDraft(title, catalogue.chapterTitles());
    }
}
