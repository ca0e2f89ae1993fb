package io.consultdesk.command.publication;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.consultdesk.command.consultation.ConsultationCommands.StartTablePublication;
import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.TablePublicationProgressed;
import io.consultdesk.command.consultation.TablePublicationStarted;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.command.submission.Commands.WithdrawSubmission;
import io.consultdesk.command.submission.SubmissionPublished;
import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.localstack.MongoWireServer;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.consultdesk.command.publication.PublishingSide.SUPERVISOR;
import static io.consultdesk.command.publication.PublishingSide.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publication as a process, on the real aggregates and command bus: numbering as before, refusals, a
 * second publication refused while one is under way, and a publication stopped halfway resumed to the same
 * table; the items are read by key only.
 */
class TablePublicationTest {

    private static MongoWireServer mongo;
    private static MongoClient client;
    /** The filter of every command sent to the items' collection, as sent. */
    private static final List<BsonDocument> itemCommands = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        mongo = new MongoWireServer(EmbeddedInfrastructure.freePort(), null).start();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongo.connectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonDocument command = event.getCommand();
                        String collection = command.isString(event.getCommandName()) ? command.getString(event.getCommandName()).getValue() : "";
                        if (collection.equals("consultation_items")) {
                            itemCommands.add(command.clone());
                        }
                    }
                }).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    private static Instant at(int minute) {
        return T.minus(Duration.ofDays(10)).plus(Duration.ofMinutes(minute));
    }

    private static PublishTable publishTable(Set<String> leaveOut) {
        return new PublishTable("c", leaveOut, null, T, SUPERVISOR);
    }

    @Test
    void rowsKeepTheirImportedNumberAndTheOthersFollowInTheOrderReceivedAsBefore() {
        PublishingSide side = new PublishingSide(client);
        // arrival order differs from the order received: a letter registered late that arrived early
        side.decided("late-letter", at(5), "采纳", null);
        side.decided("kept-3", at(1), "不采纳", 3);
        side.decided("kept-1", at(2), "采纳", 1);
        side.decided("early", at(0), "部分采纳", null);
        side.decided("later", at(9), "采纳", null);
        side.undecided("open", at(3));
        side.decided("withdrawn", at(4), "采纳", null);
        side.sender.send(new WithdrawSubmission("withdrawn", "撤回", null, T, SUPERVISOR), SUPERVISOR);

        TablePublished published = side.publication.publishAndWait(publishTable(Set.of("open")));

        Map<String, Integer> numbers = new LinkedHashMap<>();
        side.rows(1).forEach(r -> numbers.put(r.submissionId(), r.rowNumber()));
        assertThat(numbers).containsExactly(Map.entry("kept-1", 1), Map.entry("kept-3", 3), Map.entry("early", 4),
                Map.entry("late-letter", 5), Map.entry("later", 6));
        assertThat(published.rowCount()).isEqualTo(5);
        assertThat(published.leftOut()).containsExactly("open");
        assertThat(published.totals()).containsExactly(Map.entry("采纳", 3), Map.entry("部分采纳", 1), Map.entry("不采纳", 1));
        assertThat(published.outcomeClasses()).containsEntry("部分采纳", OutcomeClass.PARTLY);
        assertThat(side.events(TablePublicationStarted.class)).containsExactly(
                new TablePublicationStarted("c", 1, TablePublication.DEFAULT_HEADING, 5, "supervisor", T));
        assertThat(side.events.indexOf(published)).as("the version completes after its rows")
                .isGreaterThan(side.events.indexOf(side.rows(1).get(4)));
        assertThat(side.publication.progress("c", 1)).hasValueSatisfying(p -> {
            assertThat(p.state()).isEqualTo(PublicationProgress.COMPLETED);
            assertThat(p.rowsPublished()).isEqualTo(5);
        });
    }

    @Test
    void undecidedItemsRefuseNamingTheFirstHundredAndCountingAll() {
        PublishingSide side = new PublishingSide(client);
        side.decided("d", at(0), "采纳", null);
        IntStream.range(0, 130).forEach(i -> side.undecided("u" + (1000 + i), at(1 + i)));

        assertThatThrownBy(() -> side.publication.publishAndWait(publishTable(Set.of("u1000"))))
                .isInstanceOfSatisfying(UndecidedItems.class, e -> {
                    assertThat(e.count()).isEqualTo(129);
                    assertThat(e.ids()).hasSize(UndecidedItems.NAMED).startsWith("u1001", "u1002").doesNotContain("u1000");
                    assertThat(e.facts()).containsEntry("undecidedCount", 129L);
                });
        assertThat(side.events(TablePublicationStarted.class)).as("a refused publication records nothing").isEmpty();
        assertThat(side.runs.progress("c", 1)).as("nothing stored").isEmpty();
        assertThat(side.publication.progress("c", 1)).as("a caller no longer waiting finds the refusal at the progress address")
                .hasValueSatisfying(p -> {
                    assertThat(p.state()).isEqualTo(PublicationProgress.FAILED);
                    assertThat(p.problem()).contains("129 item(s) are not decided yet");
                });
        Set<String> all = IntStream.range(0, 130).mapToObj(i -> "u" + (1000 + i)).collect(Collectors.toSet());
        TablePublished published = side.publication.publishAndWait(publishTable(all));
        assertThat(published.version()).as("the refused request does not hold up the next").isEqualTo(1);
        assertThat(published.leftOut()).as("as many as the request names: none capped").hasSize(130).startsWith("u1000", "u1001");
    }

    @Test
    void onlyASupervisorPublishes() {
        PublishingSide side = new PublishingSide(client);
        side.decided("d", at(0), "采纳", null);
        assertThatThrownBy(() -> side.publication.publish(new PublishTable("c", Set.of(), null, T, PublishingSide.ADMIN)))
                .isInstanceOf(NotAllowed.class);
    }

    @Test
    void aSecondPublicationIsRefusedWhileOneIsUnderWay() {
        PublishingSide side = new PublishingSide(client);
        side.decided("d", at(0), "采纳", null);
        side.sender.send(new StartTablePublication("c", 1, TablePublication.DEFAULT_HEADING, 1, T, SUPERVISOR), SUPERVISOR);

        assertThatThrownBy(() -> side.publication.publish(publishTable(Set.of())))
                .isInstanceOf(ConsultationRefused.class)
                .hasMessageContaining("version 1 of the table of consultation c is being published");
    }

    @Test
    void aPublicationStoppedHalfwayIsResumedOnStartAndGivesTheSameTable() {
        PublishingSide reference = new PublishingSide(client);
        PublishingSide side = new PublishingSide(client);
        for (PublishingSide s : List.of(reference, side)) {
            IntStream.range(0, 40).forEach(i -> s.decided("item-" + i, at(40 - i), i % 3 == 0 ? "不采纳" : "采纳", i == 7 ? 2 : null));
        }
        TablePublished expected = reference.publication.publishAndWait(publishTable(Set.of()));

        side.storeAwayAfter(15);
        assertThatThrownBy(() -> side.publication.publishAndWait(publishTable(Set.of())))
                .hasMessageContaining("out of reach");
        assertThat(side.rows(1)).hasSize(15);
        assertThat(side.publication.progress("c", 1)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(PublicationProgress.FAILED));
        assertThatThrownBy(() -> side.publication.publish(publishTable(Set.of())))
                .as("the stopped version is still being published").isInstanceOf(ConsultationRefused.class);

        side.restart();
        assertThat(side.runs.unfinished()).hasSize(1);
        side.publication.resumeUnfinished(); // as a service does once started
        TablePublished resumed = awaitPublished(side, 1);

        assertThat(resumed).isEqualTo(expected);
        assertThat(numbers(side.rows(1))).isEqualTo(numbers(reference.rows(1)));
        assertThat(side.rows(1)).as("each item published once in the version").hasSize(40);
        assertThat(side.runs.progress("c", 1)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(PublicationProgress.COMPLETED));
        assertThat(side.runs.unfinished()).isEmpty();
    }

    @Test
    void anItemWithdrawnWhileItsPublicationWasStoppedIsNoRowAndNoNumberIsHeldTwice() {
        PublishingSide side = new PublishingSide(client);
        IntStream.range(0, 10).forEach(i -> side.decided("item-" + i, at(i), "采纳", null));
        side.storeAwayAfter(4);
        assertThatThrownBy(() -> side.publication.publishAndWait(publishTable(Set.of())));
        List<String> published = side.rows(1).stream().map(SubmissionPublished::submissionId).toList();
        String notYet = IntStream.range(0, 10).mapToObj(i -> "item-" + i).filter(id -> !published.contains(id)).findFirst().orElseThrow();
        side.sender.send(new WithdrawSubmission(notYet, "撤回", null, T, SUPERVISOR), SUPERVISOR);

        side.restart();
        TablePublished resumed = side.publication.resume(side.runs.unfinished().get(0)).orElseThrow();

        assertThat(resumed.rowCount()).isEqualTo(9);
        assertThat(resumed.totals()).containsExactly(Map.entry("采纳", 9));
        List<Integer> numbers = side.rows(1).stream().map(SubmissionPublished::rowNumber).toList();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(9);
        assertThat(side.rows(1)).extracting(SubmissionPublished::submissionId).doesNotContain(notYet);
    }

    @Test
    void aLargePublicationRecordsHowFarItCameAndReadsItsItemsByKeyOnly() {
        PublishingSide side = new PublishingSide(client);
        IntStream.range(0, 2_500).forEach(i -> side.decided(String.format("item-%05d", i), at(i), "采纳", null));
        itemCommands.clear();

        TablePublished published = side.publication.publishAndWait(publishTable(Set.of()));

        assertThat(published.rowCount()).isEqualTo(2_500);
        assertThat(side.events(TablePublicationProgressed.class)).extracting(TablePublicationProgressed::rowsPublished)
                .isNotEmpty().allMatch(n -> n >= 1_000 && n < 2_500).isSorted();
        List<String> filters = new ArrayList<>();
        for (BsonDocument command : itemCommands) {
            BsonDocument filter = command.getDocument("filter");
            filters.add(filter.toJson());
            assertThat(filter.keySet()).as("filter %s", filter.toJson()).containsExactly("_id");
            assertThat(filter.get("_id").isDocument() ? filter.getDocument("_id").getArray("$in").size() : 1).isLessThanOrEqualTo(1_000);
        }
        assertThat(filters).as("two passes of three pages each").hasSize(6);
    }

    @Test
    void aWalkMeetsTheItemsInArrivalOrderReservingNumbersABlockAtATime() {
        PublishingSide side = new PublishingSide(client);
        IntStream.range(0, 1_200).forEach(i -> side.undecided(String.format("item-%05d", i), at(1_200 - i)));
        assertThat(side.items.lastArrival("c")).as("numbers are reserved a block at a time; a walk goes to the last one reserved")
                .isEqualTo(2L * ConsultationItems.BLOCK);
        assertThat(side.items.inArrivalOrder("c")).hasSize(1_200).startsWith("item-00000", "item-00001").endsWith("item-01199");
    }

    private static TablePublished awaitPublished(PublishingSide side, int version) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (TablePublished published : side.events(TablePublished.class)) {
                if (published.version() == version) {
                    return published;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("version " + version + " was not published within a minute");
    }

    private static Map<String, Integer> numbers(List<SubmissionPublished> rows) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        rows.forEach(r -> numbers.put(r.submissionId(), r.rowNumber()));
        return numbers;
    }
}
