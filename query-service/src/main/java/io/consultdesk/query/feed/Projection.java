package io.consultdesk.query.feed;

/** A read model fed by the events; applying the same event twice must leave it as applying it once. */
public interface Projection {

    /** The aggregate types whose events this projection reads (Submission, Consultation). */
    boolean accepts(EventEnvelope event);

    void apply(EventEnvelope event);
}
