/**
 * The event store as a log with global positions in MongoDB ({@link io.consultdesk.command.eventstore.PositionedEventStorageEngine}):
 * appends reserve positions from a counter and are written together with those of other commands
 * ({@link io.consultdesk.command.eventstore.GroupCommit}); the relay reads in position order with a gap-aware
 * token ({@link io.consultdesk.command.eventstore.TrackedEventReader}); every hot-path query is a key lookup.
 * Also the token store, the aggregate caches, the migration of a store of the previous layout, and the count
 * of MongoDB round trips.
 */
package io.consultdesk.command.eventstore;
