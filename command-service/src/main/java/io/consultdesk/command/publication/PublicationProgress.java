package io.consultdesk.command.publication;

import java.time.Instant;

/**
 * How far the publication of a version has come: {@code checking} its items, {@code started} publishing its
 * rows, {@code completed} (public), or {@code failed} (stopped by an error, named in {@code problem}; resumed
 * when the service next starts). {@code rowsPublished} counts rows published so far, of {@code expectedRows}
 * (known once checked).
 */
public record PublicationProgress(String consultationId, int version, String state, int expectedRows, int rowsPublished,
                                  Instant requestedAt, String problem) {

    public static final String CHECKING = "checking";
    public static final String STARTED = "started";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
