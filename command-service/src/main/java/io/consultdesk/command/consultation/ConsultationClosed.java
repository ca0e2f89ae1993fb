package io.consultdesk.command.consultation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The consultation stopped accepting new comments. */
@Revision("1")
public record ConsultationClosed(String consultationId, Instant closedAt) {
}
