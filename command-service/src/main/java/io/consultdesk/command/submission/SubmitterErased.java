package io.consultdesk.command.submission;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The submitter's personal data was erased: the key {@code keyId} that sealed their name and contact
 * details no longer exists, so no copy of the history can reveal them. The masked public name stays.
 */
@EventName("SubmitterErased")
@Revision("1")
public record SubmitterErased(String submissionId, String keyId, String reason, Instant erasedAt) {
}
