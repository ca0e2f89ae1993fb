/**
 * Pages for staff: the consultations and each one's catalogue and progress, the dashboard with its charts, the
 * status board with its filters, an item's summary and timeline, and the pages where work is done — opening a
 * consultation, its catalogue and its closing, an official's inbox, deciding, co-handling opinions and reassigning
 * on an item's page, publishing with a preview, registering a letter, importing a checked table — and a draft's
 * public page where anyone comments on a clause. Their forms
 * post to {@code /desk/…} and are forwarded to command-service ({@code desk}); no script runs on any page.
 * Rendered on the server from the read models' records, every text escaped; times in the consultation's zone,
 * lists as text; Chinese labels by default, English with ?lang=en.
 */
package io.consultdesk.query.pages;
