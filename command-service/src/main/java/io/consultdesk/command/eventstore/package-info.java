/**
 * Axon's storage in MongoDB: the event store, the token store and the aggregate caches, wired by hand
 * because the extension's Spring Boot starter wants client sessions that the embedded wire server lacks.
 */
package io.consultdesk.command.eventstore;
