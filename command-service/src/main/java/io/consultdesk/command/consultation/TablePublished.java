package io.consultdesk.command.consultation;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Version {@code version} of the consultation's table was published with {@code rowCount} rows (each row
 * is its item's SubmissionPublished), the count per outcome in {@code totals}, and how many undecided items a
 * supervisor chose to leave out ({@code leftOutCount}), the first {@value #LEFT_OUT_NAMED} of them by id in
 * {@code leftOut} — the rest are the consultation's items with no row in this version. {@code totals} lists the
 * words the rows use (tables published before this was so also list unused words with 0); {@code outcomeClasses}
 * the class of each of those words (absent from tables published before classes existed).
 * <p>
 * Revision 2: revision 1 named every item left out, which for a large consultation is more than a Kafka record
 * or a stored document holds; {@code TablePublishedRevision2} reads revision 1 as this.
 */
@EventName("TablePublished")
@Revision("2")
public record TablePublished(
        String consultationId,
        int version,
        String heading,
        int rowCount,
        Map<String, Integer> totals,
        int leftOutCount,
        List<String> leftOut,
        Instant publishedAt,
        Map<String, OutcomeClass> outcomeClasses) {

    /** At most this many items left out are named in the event: a few kilobytes, whatever the consultation's size. */
    public static final int LEFT_OUT_NAMED = 1_000;

    /** Published leaving out {@code leftOut} (every one of them, however many: the event names the first ones). */
    public static TablePublished leaving(String consultationId, int version, String heading, int rowCount, Map<String, Integer> totals,
                                         List<String> leftOut, Instant publishedAt, Map<String, OutcomeClass> outcomeClasses) {
        List<String> named = List.copyOf(leftOut.subList(0, Math.min(leftOut.size(), LEFT_OUT_NAMED)));
        return new TablePublished(consultationId, version, heading, rowCount, totals, leftOut.size(), named, publishedAt, outcomeClasses);
    }
}
