package io.consultdesk.query.board;

import java.time.Instant;

/**
 * What a supervisor asks of the board. Every field may be absent. {@code text} matches the opinion or the
 * masked submitter; {@code sort} is a field name, {@code -} in front for descending.
 */
public record BoardFilter(String consultation, String state, String bureau, String clause, String outcome,
                          Boolean overdue, String text, String sort, int page, int size, Instant asOf) {

    public static final int MAX_SIZE = 500;
}
