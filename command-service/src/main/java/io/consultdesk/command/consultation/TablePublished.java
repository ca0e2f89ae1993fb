package io.consultdesk.command.consultation;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Version {@code version} of the consultation's table was published with {@code rowCount} rows (each row
 * is its item's SubmissionPublished), the count per outcome in {@code totals}, and the undecided items a
 * supervisor chose to leave out. {@code totals} lists the words the rows use (tables published before
 * this was so also list unused words with 0); {@code outcomeClasses} the class of each of those words
 * (absent from tables published before classes existed).
 */
@EventName("TablePublished")
@Revision("1")
public record TablePublished(
        String consultationId,
        int version,
        String heading,
        int rowCount,
        Map<String, Integer> totals,
        List<String> leftOut,
        Instant publishedAt,
        Map<String, OutcomeClass> outcomeClasses) {
}
