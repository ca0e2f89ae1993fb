/**
 * Supervisors' dashboards: per bureau (items by state, overdue, time from assignment to decision, outcome
 * mix), per clause (items citing it and their outcomes), per consultation (totals, progress to
 * publication), and how far the read side lags behind the event topics. Always derived from the item
 * documents, never from counters a redelivered event could double.
 */
package io.consultdesk.query.dashboard;
