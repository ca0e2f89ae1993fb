/**
 * The relay from the event store to Kafka: a tracking event processor with its own token that publishes
 * every stored event as a JSON envelope, keyed by aggregate id, and advances its token only after Kafka
 * confirmed every send of the batch. The event store is the outbox.
 */
package io.consultdesk.command.relay;
