/**
 * Pages for staff: the consultations and each one's catalogue and progress, the dashboard with its charts, the
 * status board with its filters, and an item's summary and timeline. Rendered on the server from the read
 * models' records, every text escaped; times in the consultation's zone, lists as text; Chinese labels by
 * default, English with ?lang=en.
 */
package io.consultdesk.query.pages;
