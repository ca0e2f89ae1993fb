package io.consultdesk.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.publication.ConsultationItems;
import io.consultdesk.command.publication.TablePublication;
import io.consultdesk.command.submission.Submission;
import io.consultdesk.command.submission.SubmissionIntake;
import io.consultdesk.command.submission.SubmissionPublished;
import io.consultdesk.command.submission.SubmissionReceived;
import io.consultdesk.command.web.CommandSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * command-service's import, decision and publication wired as the service wires them — the real aggregates,
 * intake and publication on Axon's command bus — over an in-memory event store, for tests that follow a table
 * from its file to its published rows.
 */
final class CommandSide {

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    /** Every event published, in order (a tracking stream of the store would wait for more at its end). */
    final List<Object> events = new CopyOnWriteArrayList<>();
    final CommandSender sender;
    final TableImport tableImport;

    CommandSide(MongoClient mongo, Clock clock) {
        EventSourcingRepository<Submission> submissions = EventSourcingRepository.builder(Submission.class).eventStore(store).build();
        EventSourcingRepository<Consultation> consultations = EventSourcingRepository.builder(Consultation.class).eventStore(store).build();
        String database = "cmd_" + UUID.randomUUID().toString().replace("-", "");
        ConsultationItems items = new ConsultationItems(mongo.getDatabase(database));
        store.subscribe(messages -> messages.forEach(m -> {
            events.add(m.getPayload());
            if (m.getPayload() instanceof SubmissionReceived received) {
                items.on(received);
            }
        }));
        PersonalDataVault vault = new PersonalDataVault(mongo.getDatabase(database), new byte[32],
                new ObjectMapper().findAndRegisterModules(), clock);
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Consultation>builder().aggregateType(Consultation.class).repository(consultations)
                .build().subscribe(bus);
        AggregateAnnotationCommandHandler.<Submission>builder().aggregateType(Submission.class).repository(submissions)
                .build().subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new SubmissionIntake(submissions, consultations, vault,
                (id, sequence) -> store.readEvents(id, sequence).hasNext())).subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new TablePublication(consultations, submissions, items)).subscribe(bus);
        sender = new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build(), new SimpleMeterRegistry());
        tableImport = new TableImport(sender, clock);
    }

    /** The rows of a published version, in 序号 order. */
    List<SubmissionPublished> rows(int version) {
        return events.stream()
                .filter(p -> p instanceof SubmissionPublished s && s.tableVersion() == version)
                .map(SubmissionPublished.class::cast)
                .sorted(Comparator.comparingInt(SubmissionPublished::rowNumber)).toList();
    }
}
