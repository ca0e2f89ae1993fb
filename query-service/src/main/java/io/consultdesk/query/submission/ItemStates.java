package io.consultdesk.query.submission;

import java.util.List;
import java.util.Set;

/**
 * An item's state, as the item projection writes it under {@code state} (the names the write side gives them)
 * and as the board, the dashboards, the timelines and the pages read it back.
 */
public final class ItemStates {

    public static final String RECEIVED = "RECEIVED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String DECIDED = "DECIDED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String REJECTED = "REJECTED";
    public static final String DUPLICATE = "DUPLICATE";

    /** Every state, in the order of an item's life and then the ways it closes: the order filters and charts list them in. */
    public static final List<String> ALL = List.of(RECEIVED, ASSIGNED, DECIDED, PUBLISHED, WITHDRAWN, REJECTED, DUPLICATE);

    /** Still waiting for a decision: only these items have a due date that can pass (overdue). */
    public static final Set<String> OPEN = Set.of(RECEIVED, ASSIGNED);

    private ItemStates() {
    }
}
