package io.consultdesk.command.consultation;

import io.consultdesk.command.routing.Clause;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The clause catalogue was replaced by {@code version}; items already routed keep their routing. */
@EventName("ClauseCatalogueAmended")
@Revision("1")
public record ClauseCatalogueAmended(String consultationId, int version, List<Clause> clauses, Instant amendedAt) {
}
