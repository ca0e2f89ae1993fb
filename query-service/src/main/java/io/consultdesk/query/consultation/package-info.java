/**
 * The consultation projection (title, drafting unit, time zone, outcomes, catalogue, open or closed, published
 * versions) and the consultations as the list, the API and each consultation's page read them: counted from the
 * dashboards' summaries by key, never from the items; the catalogue by chapter in document order.
 */
package io.consultdesk.query.consultation;
