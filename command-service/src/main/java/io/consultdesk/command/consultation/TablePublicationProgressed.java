package io.consultdesk.command.consultation;

import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * By {@code recordedAt}, {@code rowsPublished} of the rows of version {@code version} that is being published had been
 * published. Recorded every hundredth of a large table (at most about a hundred times a version), so that
 * readers can say how far a long publication has come.
 */
@EventName("TablePublicationProgressed")
@Revision("1")
public record TablePublicationProgressed(
        String consultationId,
        int version,
        int rowsPublished,
        Instant recordedAt) {
}
