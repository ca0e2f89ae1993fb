/**
 * Pages for supervisors: the dashboard with its charts, the status board with its filters, and an item's
 * timeline. Rendered on the server, every text escaped; Chinese labels by default, English with ?lang=en.
 */
package io.consultdesk.query.pages;
