package io.consultdesk.command.consultation;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The consultation stopped accepting new comments. */
@EventName("ConsultationClosed")
@Revision("1")
public record ConsultationClosed(String consultationId, Instant closedAt) {
}
