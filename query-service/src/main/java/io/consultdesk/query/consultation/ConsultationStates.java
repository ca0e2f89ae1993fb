package io.consultdesk.query.consultation;

/** A consultation's state, as its projection writes it under {@code state} and the pages read it back. */
public final class ConsultationStates {

    /** Taking comments (征求意见中). */
    public static final String OPEN = "OPEN";
    /** Closed to comments (已截止). */
    public static final String CLOSED = "CLOSED";

    private ConsultationStates() {
    }
}
