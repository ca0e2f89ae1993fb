/**
 * What auditors need from the write side: an item's raw event history straight from the event store,
 * the submitter's unmasked details, and erasing them (crypto-shredding) without rewriting history.
 */
package io.consultdesk.command.audit;
