package io.consultdesk.query.feed;

import java.util.Map;
import java.util.Set;

/**
 * The event types and versions this reader understands, by their published names (the golden files under
 * {@code published-language/} at the repository root fix their form). An event of any other type or version
 * is refused as {@link UnknownEventType}: it goes to the dead-letter topic and parks its item until a reader
 * that knows it retries it — never dropped, never half-applied.
 */
public final class PublishedLanguage {

    /** Type → the versions read. A new version of a type is added here with the reading that brings it to the current one. */
    static final Map<String, Set<String>> KNOWN = Map.ofEntries(
            Map.entry("ConsultationOpened", Set.of("1")),
            Map.entry("ClauseCatalogueAmended", Set.of("1")),
            Map.entry("ConsultationClosed", Set.of("1")),
            Map.entry("TablePublicationStarted", Set.of("1")),
            Map.entry("TablePublicationProgressed", Set.of("1")),
            // 1 named every item left out, 2 counts them and names the first thousand (PublishedTableProjection reads both)
            Map.entry("TablePublished", Set.of("1", "2")),
            Map.entry("OutcomeVocabularyAmended", Set.of("1")),
            Map.entry("SubmissionReceived", Set.of("1")),
            Map.entry("SubmissionAssigned", Set.of("1")),
            Map.entry("SubmissionReassigned", Set.of("1")),
            Map.entry("SubmissionDecided", Set.of("1")),
            Map.entry("SubmissionDecisionRevised", Set.of("1")),
            Map.entry("SubmissionPublished", Set.of("1")),
            Map.entry("SubmissionWithdrawn", Set.of("1")),
            Map.entry("SubmissionRejected", Set.of("1")),
            Map.entry("SubmissionMarkedDuplicate", Set.of("1")),
            Map.entry("SubmitterErased", Set.of("1")),
            Map.entry("CoHandlingOpinionGiven", Set.of("1")),
            Map.entry("SubmissionJoinedCampaign", Set.of("1")),
            Map.entry("SubmissionRegrouped", Set.of("1")),
            Map.entry("SubmissionDecisionProposed", Set.of("1")),
            Map.entry("CampaignConfirmed", Set.of("1")),
            Map.entry("CampaignDecided", Set.of("1")));

    private PublishedLanguage() {
    }

    /** The event itself when this reader knows its type and version. */
    public static EventEnvelope requireKnown(EventEnvelope event) {
        Set<String> versions = KNOWN.get(event.type());
        if (versions == null || !versions.contains(event.version())) {
            throw new UnknownEventType(event);
        }
        return event;
    }

    public static boolean knows(String type, String version) {
        return KNOWN.getOrDefault(type, Set.of()).contains(version);
    }

    /** An event this reader cannot read: a type it has never heard of, or a version newer than it knows. */
    public static class UnknownEventType extends RuntimeException {
        public UnknownEventType(EventEnvelope event) {
            super("unknown event type " + event.type() + " version " + event.version() + " (event " + event.eventId()
                    + " of " + event.aggregateType() + " " + event.aggregateId() + "); this reader knows "
                    + (KNOWN.containsKey(event.type()) ? "versions " + KNOWN.get(event.type()) : "no such type"));
        }
    }
}
