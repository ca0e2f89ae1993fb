/**
 * Handling a campaign cluster as a whole, over HTTP: a supervisor confirms it, splits members off or merges another
 * cluster into it; a bureau decides it once. Each is one fact on the cluster ({@code Campaign}) where it concerns
 * the cluster, and one command per member on the member itself, so that every item keeps its own history.
 */
package io.consultdesk.command.campaignhandling;
