package io.consultdesk.command.publishedlanguage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.command.relay.EventEnvelope;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's side of the contract: every event goes on the wire exactly as its committed golden file
 * says ({@code published-language/} at the repository root; query-service's tests read the same files).
 * A change of an event's form fails here until the file is deliberately rewritten — run this test with
 * {@code -Dconsultdesk.golden.write=true} — and then a new revision and an upcaster are due.
 */
class PublishedLanguageContractTest {

    private static final ObjectMapper JSON = PublishedJson.mapper();

    static Path goldenDir() {
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        return root.resolve("published-language");
    }

    static Stream<DomainEventMessage<?>> events() {
        return GoldenEvents.all().stream();
    }

    static String fileName(String type, String version) {
        return type + ".v" + version + ".json";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventGoesOnTheWireAsItsGoldenFileSays(DomainEventMessage<?> event) throws IOException {
        EventEnvelope envelope = EventEnvelope.of(event);
        Path golden = goldenDir().resolve(fileName(envelope.type(), envelope.version()));
        String written = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(envelope) + "\n";
        if (Boolean.getBoolean("consultdesk.golden.write")) {
            Files.writeString(golden, written);
        }
        assertThat(golden).as("golden file of " + envelope.type() + " v" + envelope.version()).exists();
        JsonNode expected = JSON.readTree(Files.readString(golden));
        assertThat(JSON.readTree(written)).as(golden.getFileName().toString()).isEqualTo(expected);
    }

    @Test
    void everyEventOfThePublishedLanguageHasAnExampleAndEveryGoldenFileANamedEvent() throws IOException {
        Set<String> published = PublishedEvents.get().classes().stream()
                .map(c -> fileName(PublishedEvents.get().nameOf(c).orElseThrow(), PublishedEvents.revisionOf(c)))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> examples = GoldenEvents.all().stream()
                .map(e -> fileName(PublishedEvents.get().nameOf(e.getPayloadType()).orElseThrow(), PublishedEvents.revisionOf(e.getPayloadType())))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> listed = Files.list(goldenDir())) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(examples).isEqualTo(published);
        // an older revision's file stays while readers still upcast it; every current one must be there
        assertThat(files).containsAll(published);
        assertThat(published).hasSize(23);
    }

    @Test
    void namesAreStableAndDoNotFollowTheClasses() {
        assertThat(PublishedEvents.get().names()).containsExactlyInAnyOrder(
                "SubmissionReceived", "SubmissionAssigned", "SubmissionReassigned", "SubmissionDecided",
                "SubmissionDecisionRevised", "SubmissionPublished", "SubmissionWithdrawn", "SubmissionRejected",
                "SubmissionMarkedDuplicate", "SubmitterErased", "ConsultationOpened", "ClauseCatalogueAmended",
                "ConsultationClosed", "TablePublished", "OutcomeVocabularyAmended", "CoHandlingOpinionGiven",
                "SubmissionJoinedCampaign", "TablePublicationStarted", "TablePublicationProgressed", "CampaignConfirmed",
                "CampaignDecided", "SubmissionRegrouped", "SubmissionDecisionProposed");
        List<String> legacy = List.copyOf(LegacyEventNames.STABLE_NAME_BY_STORED_CLASS_NAME.values());
        assertThat(PublishedEvents.get().names()).containsAll(legacy);
    }
}
