/**
 * How read models are shown, the same in every page and API: clauses in document order (by numeral value,
 * not character code), times as local times of a consultation's time zone, lists and counts as text.
 * Depends on nothing of the service.
 */
package io.consultdesk.query.presentation;
