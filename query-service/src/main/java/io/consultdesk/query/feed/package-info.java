/**
 * The event feed from Kafka: envelopes read in batches and handed to every projection in order; offsets
 * are committed only after the projections wrote. Projections apply an aggregate's events strictly in
 * sequence, so a redelivered or older event changes nothing.
 */
package io.consultdesk.query.feed;
