package io.consultdesk.command.consultation;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The consultation's outcome vocabulary is now {@code outcomes}, each word with its class: set by a supervisor,
 * or grown by an import that met words of its table ({@code adoptedFrom}: the file; null when set by hand).
 */
@EventName("OutcomeVocabularyAmended")
@Revision("1")
public record OutcomeVocabularyAmended(
        String consultationId,
        List<OutcomeWord> outcomes,
        String adoptedFrom,
        Instant amendedAt) {
}
