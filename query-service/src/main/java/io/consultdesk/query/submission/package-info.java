/**
 * The item projection: one document per submission with its current state, bureaus, citations, decision
 * and publication, and the query API that reads it.
 */
package io.consultdesk.query.submission;
