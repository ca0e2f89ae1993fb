/**
 * The audit timeline: every event of an item, in order, as {@link io.consultdesk.query.audit.TimelineEntry}
 * records — what happened, who did it, for which bureau, when, why (reasons, routing basis) and what changed —
 * said with times in the consultation's zone; and the events up to an instant, from which the board rebuilds
 * an item as it was.
 */
package io.consultdesk.query.audit;
