/**
 * The audit timeline: every event of an item, in order — what happened, who did it, for which bureau,
 * when, why (reasons, routing basis) and what changed — and the item's state as of any past instant.
 */
package io.consultdesk.query.audit;
