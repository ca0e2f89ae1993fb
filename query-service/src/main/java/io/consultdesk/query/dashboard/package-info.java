/**
 * Supervisors' dashboards: per bureau (items by state, overdue, time from assignment to decision, outcome
 * mix), per clause (items citing it and their outcomes), per consultation (totals, progress to
 * publication), and how far the read side lags behind the event topics. Read from one summary document per
 * consultation and scope ({@link io.consultdesk.query.dashboard.DashboardSummary}), never from the items: the
 * feed keeps its counters exact, each item change folded in once (see {@code feed/SummaryFolder}). The same
 * documents, read by key through {@link io.consultdesk.query.dashboard.Summaries}, count the consultations'
 * items and the board's totals. The dashboards are answered as {@link io.consultdesk.query.dashboard.DashboardView}.
 */
package io.consultdesk.query.dashboard;
