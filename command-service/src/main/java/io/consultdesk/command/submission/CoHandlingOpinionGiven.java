package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A co-handling bureau (协办单位) gave its opinion on an item (协办意见) for the lead bureau to weigh. A bureau
 * may give it again while the item is open; its latest counts. {@code stillAwaited}: the co-handling bureaus
 * whose opinion the item still waits for after this one.
 */
@EventName("CoHandlingOpinionGiven")
@Revision("1")
public record CoHandlingOpinionGiven(
        String submissionId,
        String bureau,
        String opinion,
        Instant givenAt,
        List<String> stillAwaited) {
}
