package io.consultdesk.command.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationCommands.OpenConsultation;
import io.consultdesk.command.eventstore.PositionedEventStorageEngine;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.security.Roles;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.publishedlanguage.EventUpcasters;
import io.consultdesk.command.publishedlanguage.PublishedEventSerializer;
import io.consultdesk.command.publishedlanguage.PublishedEvents;
import io.consultdesk.command.publishedlanguage.PublishedJson;
import io.consultdesk.command.submission.Channel;
import io.consultdesk.command.submission.Commands.ImportSubmission;
import io.consultdesk.command.submission.Commands.PublishSubmission;
import io.consultdesk.command.submission.Commands.ReceiveSubmission;
import io.consultdesk.command.submission.Submission;
import io.consultdesk.command.submission.SubmissionIntake;
import io.consultdesk.command.submission.SubmissionPublished;
import io.consultdesk.command.submission.SubmissionReceived;
import io.consultdesk.command.submission.Submitter;
import io.consultdesk.command.submission.SubmitterKind;
import io.consultdesk.command.web.CommandSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * command-service's consultation, items and publication wired as the service wires them — the real aggregates
 * and handlers on Axon's command bus, the event log, the item list and publication runs on the wire server. {@link #storeAwayAfter} makes every row's publication fail after that many, as if
 * the store went away in the middle of a publication; {@link #restart()} builds the publication anew over the
 * same stores, as a service started again would.
 */
final class PublishingSide {

    static final Instant T = Instant.parse("2024-10-01T00:00:00Z");
    static final Actor SUPERVISOR = new Actor("supervisor", "", Set.of(Roles.SUPERVISOR));
    static final Actor ADMIN = new Actor("admin", "", Set.of(Roles.ADMIN));

    final EmbeddedEventStore store;
    /** Every event published, in order. */
    final List<Object> events = new CopyOnWriteArrayList<>();
    final CommandSender sender;
    final ConsultationItems items;
    final PublicationRuns runs;
    final String database = "cmd_" + UUID.randomUUID().toString().replace("-", "");
    private final MongoClient mongo;
    private final EventSourcingRepository<Submission> submissions;
    private final EventSourcingRepository<Consultation> consultations;
    private final AtomicInteger rowsAllowed = new AtomicInteger(Integer.MAX_VALUE);
    TablePublication publication;

    PublishingSide(MongoClient mongo) {
        this.mongo = mongo;
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        // the service's own event log on the wire server: an item is loaded by key, as in the service
        Serializer json = new PublishedEventSerializer(JacksonSerializer.builder().objectMapper(PublishedJson.mapper().copy()).build(),
                PublishedEvents.get());
        store = EmbeddedEventStore.builder().storageEngine(PositionedEventStorageEngine.builder().database(mongo.getDatabase(database))
                .eventSerializer(json).snapshotSerializer(json).upcasterChain(EventUpcasters.chain()).build()).build();
        submissions = EventSourcingRepository.builder(Submission.class).eventStore(store).build();
        consultations = EventSourcingRepository.builder(Consultation.class).eventStore(store).build();
        items = new ConsultationItems(mongo.getDatabase(database));
        store.subscribe(messages -> messages.forEach(m -> {
            events.add(m.getPayload());
            if (m.getPayload() instanceof SubmissionReceived received) {
                items.on(received);
            }
        }));
        PersonalDataVault vault = new PersonalDataVault(mongo.getDatabase(database), new byte[32],
                new ObjectMapper().findAndRegisterModules(), clock);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof PublishSubmission && rowsAllowed.getAndDecrement() <= 0) {
                throw new IllegalStateException("the event store is out of reach");
            }
            return chain.proceed();
        });
        AggregateAnnotationCommandHandler.<Consultation>builder().aggregateType(Consultation.class).repository(consultations)
                .build().subscribe(bus);
        AggregateAnnotationCommandHandler.<Submission>builder().aggregateType(Submission.class).repository(submissions)
                .build().subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new SubmissionIntake(submissions, consultations, vault,
                (id, sequence) -> store.readEvents(id, sequence).hasNext())).subscribe(bus);
        sender = new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build(), new SimpleMeterRegistry());
        runs = new PublicationRuns(mongo.getDatabase(database));
        restart();
        sender.send(new OpenConsultation("c", "某办法（征求意见稿）", "起草处", null, List.of(), null, 15, null, T, ADMIN), ADMIN);
    }

    /** A publication as a newly started service has it: nothing under way in memory. */
    void restart() {
        rowsAllowed.set(Integer.MAX_VALUE);
        publication = new TablePublication(sender, consultations, submissions, new ConsultationItems(mongo.getDatabase(database)), runs,
                Clock.fixed(T, ZoneOffset.UTC), 2);
    }

    void storeAwayAfter(int rows) {
        rowsAllowed.set(rows);
    }

    /** An item received (at {@code receivedAt}) and decided with {@code outcome}; {@code kept}: its 序号 in a table published before, or null. */
    void decided(String id, Instant receivedAt, String outcome, Integer kept) {
        ReceiveSubmission receive = new ReceiveSubmission(id, "c", new Submitter("陈大天", SubmitterKind.PERSON, null), "意见 " + id,
                Channel.IMPORT, receivedAt, null, SUPERVISOR);
        sender.send(new ImportSubmission(receive, outcome, "理由", false, "t.csv", kept != null, kept), SUPERVISOR);
    }

    /** An item received and not decided. */
    void undecided(String id, Instant receivedAt) {
        ReceiveSubmission receive = new ReceiveSubmission(id, "c", new Submitter("陈大天", SubmitterKind.PERSON, null), "意见 " + id,
                Channel.IMPORT, receivedAt, null, SUPERVISOR);
        sender.send(new ImportSubmission(receive, "", null, false), SUPERVISOR);
    }

    /** The rows published in a version, in 序号 order. */
    List<SubmissionPublished> rows(int version) {
        return events.stream()
                .filter(p -> p instanceof SubmissionPublished s && s.tableVersion() == version)
                .map(SubmissionPublished.class::cast)
                .sorted(Comparator.comparingInt(SubmissionPublished::rowNumber)).toList();
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
