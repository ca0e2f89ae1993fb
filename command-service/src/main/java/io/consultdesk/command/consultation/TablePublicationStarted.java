package io.consultdesk.command.consultation;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Publication of version {@code version} of the consultation's table began: {@code expectedRows} items were
 * checked and are being published one by one (each its SubmissionPublished), under {@code heading}, by
 * {@code startedBy}. The version is public only once its TablePublished follows; until then no other
 * publication of the consultation starts.
 */
@EventName("TablePublicationStarted")
@Revision("1")
public record TablePublicationStarted(
        String consultationId,
        int version,
        String heading,
        int expectedRows,
        String startedBy,
        Instant startedAt) {
}
