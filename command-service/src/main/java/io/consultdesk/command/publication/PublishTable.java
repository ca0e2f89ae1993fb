package io.consultdesk.command.publication;

import io.consultdesk.command.kernel.Actor;

import java.time.Instant;
import java.util.Set;

/** Publish the consultation's table now; {@code leaveOut} names undecided items deliberately left out. */
public record PublishTable(String consultationId, Set<String> leaveOut, String heading, Instant at, Actor actor) {
}
