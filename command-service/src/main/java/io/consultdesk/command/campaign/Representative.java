package io.consultdesk.command.campaign;

/** The comment a cluster is compared by: new comments join when they are near enough to it. */
public record Representative(String clusterId, String representativeId, Signature signature) {
}
