package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationCommands.CompleteTablePublication;
import io.consultdesk.command.consultation.ConsultationCommands.RecordTablePublicationProgress;
import io.consultdesk.command.consultation.ConsultationCommands.StartTablePublication;
import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.consultation.OutcomeVocabulary;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import io.consultdesk.command.submission.Commands.PublishSubmission;
import io.consultdesk.command.submission.PublishedRow;
import io.consultdesk.command.submission.Submission;
import io.consultdesk.command.submission.SubmissionRefused;
import io.consultdesk.command.submission.UnknownConsultation;
import io.consultdesk.command.web.CommandSender;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes a consultation's table, as a process of many small units of work rather than one: every decided
 * item becomes a row of a new version; withdrawn, rejected and duplicate items are not published; undecided
 * items refuse the whole publication unless the supervisor leaves them out by name.
 * <ol>
 * <li>Check (nothing written): the items are walked by key ({@link ConsultationItems}) and read a page at a
 * time ({@link PublicationCheck}); refusals come from here. Rows are numbered as {@link RowNumbers} says.</li>
 * <li>Start: the run is recorded ({@link PublicationRuns}), then {@code TablePublicationStarted} on the
 * consultation, which from then on refuses a second publication.</li>
 * <li>Publish: each row is a {@code PublishSubmission} command of its own, sent through the command bus by a
 * few workers with a bounded window of commands in flight; how far it came is recorded every hundredth
 * ({@code TablePublicationProgressed}). An item changed since the check so that it can no longer be published
 * (withdrawn, marked duplicate, reassigned) is not a row: its 序号 stays unused in this version.</li>
 * <li>Complete: {@code TablePublished} with the rows published and their totals; the public sees the version
 * from then on.</li>
 * </ol>
 * A run stopped halfway (the service stopped, the store away) is resumed when the service next starts: the
 * check is walked again, rows already published in the version answer as they were (their 序号 and decision,
 * counted again for the totals) and the others are published.
 */
@Component
public class TablePublication {

    public static final String DEFAULT_HEADING = "社会公众意见采纳情况表";

    private static final Logger log = LoggerFactory.getLogger(TablePublication.class);

    private final CommandSender commands;
    private final Repository<Consultation> consultations;
    private final ConsultationItems items;
    private final PublicationCheck check;
    private final PublicationRuns runs;
    private final int concurrency;
    private final Clock clock;
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "table-publication");
        t.setDaemon(true);
        return t;
    });
    /** The runs of this instance under way, by key: how far each has come, finer than what is stored. */
    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

    /** A publication asked for: its version, and the version as published once complete. */
    public record Publishing(String consultationId, int version, CompletableFuture<TablePublished> published) {
    }

    @Autowired
    public TablePublication(CommandSender commands, Repository<Consultation> consultations, Repository<Submission> submissions,
                            ConsultationItems items, PublicationRuns runs, Clock clock,
                            @Value("${consultdesk.publication.concurrency:4}") int concurrency) {
        this.clock = clock;
        this.commands = commands;
        this.consultations = consultations;
        this.items = items;
        this.check = new PublicationCheck(items, submissions);
        this.runs = runs;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * Begins publishing the next version; refused at once when the caller is no supervisor, the consultation
     * is unknown or a version is being published. The rest runs in the background; refusals of the check
     * complete {@link Publishing#published()} exceptionally.
     */
    public Publishing publish(PublishTable command) {
        if (!command.actor().hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only a supervisor may publish a consultation's table");
        }
        int[] state = consultationState(command.consultationId());
        if (state[1] != 0) {
            throw new ConsultationRefused("version " + state[1] + " of the table of consultation " + command.consultationId()
                    + " is being published; publish again once it is complete");
        }
        String heading = command.heading() == null || command.heading().isBlank() ? DEFAULT_HEADING : command.heading().strip();
        PublicationRuns.Run run = new PublicationRuns.Run(command.consultationId(), state[0] + 1,
                command.leaveOut() == null ? Set.of() : Set.copyOf(command.leaveOut()), heading, command.at(),
                command.actor().name(), items.lastArrival(command.consultationId()));
        LiveRun progress = new LiveRun(run);
        // a second request while this instance is still checking the first one's items is refused here already
        if (live.compute(PublicationRuns.key(run.consultationId(), run.version()),
                (key, before) -> before != null && before.underWay() ? before : progress) != progress) {
            throw new ConsultationRefused("version " + run.version() + " of the table of consultation " + run.consultationId()
                    + " is being published; publish again once it is complete");
        }
        CompletableFuture<TablePublished> published = CompletableFuture.supplyAsync(
                () -> publishChecked(run, command.actor(), progress), runner);
        return new Publishing(run.consultationId(), run.version(), published);
    }

    /** Publishes and waits until the version is complete (or refused): for callers that can wait, such as tests. */
    public TablePublished publishAndWait(PublishTable command) {
        try {
            return publish(command).published().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** How far the publication of a version has come: this instance's own runs as they go, others as stored. */
    public Optional<PublicationProgress> progress(String consultationId, int version) {
        LiveRun run = live.get(PublicationRuns.key(consultationId, version));
        return run != null ? Optional.of(run.progress()) : runs.progress(consultationId, version);
    }

    /** Resumes every publication started and not completed (the service stopped, or the run failed). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (PublicationRuns.Run run : runs.unfinished()) {
            runner.submit(() -> {
                try {
                    resume(run);
                } catch (RuntimeException e) {
                    log.error("publication of version {} of {} could not be resumed", run.version(), run.consultationId(), e);
                }
            });
        }
    }

    /** Resumes one run; answers the version once complete, or empty when its start was never recorded. */
    Optional<TablePublished> resume(PublicationRuns.Run run) {
        int[] state = consultationState(run.consultationId());
        if (state[1] != run.version()) {
            if (state[0] >= run.version()) {
                runs.completed(run.consultationId(), run.version(), null);
            } else {
                runs.forget(run.consultationId(), run.version()); // stopped before its start was recorded: never begun
            }
            return Optional.empty();
        }
        log.info("resuming the publication of version {} of {}", run.version(), run.consultationId());
        LiveRun progress = new LiveRun(run);
        live.put(PublicationRuns.key(run.consultationId(), run.version()), progress);
        runs.resumed(run.consultationId(), run.version());
        PublicationPlan plan;
        try {
            plan = check.check(run.consultationId(), run.version(), run.upTo(), run.leaveOut(), false);
        } catch (RuntimeException e) {
            stopped(run, progress, e);
            throw e;
        }
        progress.expected = plan.rows();
        progress.state = PublicationProgress.STARTED;
        return Optional.of(publishRows(run, plan, PublicationRuns.actor(run), progress));
    }

    private TablePublished publishChecked(PublicationRuns.Run run, Actor actor, LiveRun progress) {
        String key = PublicationRuns.key(run.consultationId(), run.version());
        PublicationPlan plan;
        long started = System.nanoTime();
        try {
            plan = check.check(run.consultationId(), run.version(), run.upTo(), run.leaveOut(), true);
            log.info("version {} of {}: {} rows checked in {} ms", run.version(), run.consultationId(), plan.rows(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            progress.failed(e); // refused: what a caller no longer waiting for the answer finds at the progress address
            throw e;
        }
        progress.expected = plan.rows();
        if (!runs.begin(run, plan.rows())) {
            live.remove(key, progress); // another instance publishes this version: its stored progress is the one to show
            throw new ConsultationRefused("version " + run.version() + " of the table of consultation " + run.consultationId()
                    + " is being published; publish again once it is complete");
        }
        try {
            commands.send(new StartTablePublication(run.consultationId(), run.version(), run.heading(), plan.rows(), run.at(), actor), actor);
        } catch (RuntimeException e) {
            runs.forget(run.consultationId(), run.version());
            live.remove(key, progress);
            throw e;
        }
        progress.state = PublicationProgress.STARTED;
        return publishRows(run, plan, actor, progress);
    }

    private TablePublished publishRows(PublicationRuns.Run run, PublicationPlan plan, Actor actor, LiveRun progress) {
        try {
            PublishedTotals totals = new PublishedTotals(vocabulary(run.consultationId()));
            long started = System.nanoTime();
            sendRows(run, plan, actor, totals, progress);
            log.info("version {} of {}: {} rows published in {} ms", run.version(), run.consultationId(), totals.rows(),
                    (System.nanoTime() - started) / 1_000_000);
            TablePublished published = commands.send(new CompleteTablePublication(run.consultationId(), run.version(), totals.rows(),
                    totals.totals(), totals.classes(), plan.leftOut(), run.at(), actor), actor);
            runs.completed(run.consultationId(), run.version(), published.rowCount());
            progress.state = PublicationProgress.COMPLETED;
            return published;
        } catch (RuntimeException e) {
            stopped(run, progress, e);
            throw e;
        }
    }

    /** A started run stopped by an error: said so, here and in the store (if it can be reached), to be resumed. */
    private void stopped(PublicationRuns.Run run, LiveRun progress, RuntimeException e) {
        log.error("publication of version {} of {} stopped after {} rows; it resumes when the service next starts",
                run.version(), run.consultationId(), progress.published.get(), e);
        progress.failed(e);
        try {
            runs.failed(run.consultationId(), run.version(), progress.problem);
        } catch (RuntimeException unrecorded) {
            log.warn("could not record that the publication stopped (it is still recorded as started): {}", unrecorded.getMessage());
        }
    }

    /** Sends each row's command, at most a few in flight; returns once every one answered. */
    private void sendRows(PublicationRuns.Run run, PublicationPlan plan, Actor actor, PublishedTotals totals, LiveRun progress) {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "table-publication-row");
            t.setDaemon(true);
            return t;
        });
        Semaphore window = new Semaphore(4 * concurrency);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int step = Math.max(1_000, plan.rows() / 100);
        int[] nextMark = {step};
        try {
            items.walk(run.consultationId(), plan.upTo(), page -> {
                for (ConsultationItems.Arrival arrival : page) {
                    int rowNumber = plan.rowNumberOf(arrival.number());
                    if (rowNumber == 0) {
                        continue;
                    }
                    if (failure.get() != null) {
                        throw failure.get();
                    }
                    acquire(window);
                    workers.execute(() -> {
                        try {
                            PublishedRow row = commands.send(new PublishSubmission(arrival.submissionId(), run.consultationId(),
                                    run.version(), rowNumber, run.at(), actor), actor);
                            totals.count(row.outcome(), row.outcomeClass(), row.rowNumber());
                            progress.published.incrementAndGet();
                        } catch (RuntimeException e) {
                            if (changedSinceChecked(e)) {
                                log.warn("item {} was not published in version {} of {}: {}", arrival.submissionId(),
                                        run.version(), run.consultationId(), e.getMessage());
                            } else {
                                failure.compareAndSet(null, e);
                            }
                        } finally {
                            window.release();
                        }
                    });
                    if (progress.published.get() >= nextMark[0]) {
                        recordProgress(run, actor, progress.published.get());
                        nextMark[0] = (progress.published.get() / step + 1) * step;
                    }
                }
            });
        } finally {
            workers.shutdown();
            awaitTermination(workers);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void recordProgress(PublicationRuns.Run run, Actor actor, int rowsPublished) {
        commands.send(new RecordTablePublicationProgress(run.consultationId(), run.version(), rowsPublished, clock.instant(), actor), actor);
        runs.progressed(run.consultationId(), run.version(), rowsPublished);
    }

    /** A row refused because its item is no longer as checked: it is left out of the version, the rest goes on. */
    private static boolean changedSinceChecked(RuntimeException e) {
        return e instanceof SubmissionRefused
                || e instanceof CommandExecutionException && e.getCause() instanceof SubmissionRefused;
    }

    /** {@code [table version, version being published or 0]}, read without changing the consultation. */
    private int[] consultationState(String consultationId) {
        int[] state = new int[2];
        PublicationCheck.reading(() -> {
            try {
                consultations.load(consultationId).execute(c -> {
                    state[0] = c.tableVersion();
                    state[1] = c.publishingVersion();
                });
            } catch (AggregateNotFoundException e) {
                throw new UnknownConsultation(consultationId);
            }
        });
        return state;
    }

    private OutcomeVocabulary vocabulary(String consultationId) {
        OutcomeVocabulary[] vocabulary = new OutcomeVocabulary[1];
        PublicationCheck.reading(() -> vocabulary[0] = consultations.load(consultationId).invoke(Consultation::vocabulary));
        return vocabulary[0];
    }

    private static void acquire(Semaphore window) {
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    private static void awaitTermination(ExecutorService workers) {
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("waiting for the rows in flight of a publication");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A run of this instance as it goes. */
    private static final class LiveRun {
        final PublicationRuns.Run run;
        volatile String state = PublicationProgress.CHECKING;
        volatile int expected;
        volatile String problem;
        final AtomicInteger published = new AtomicInteger();

        LiveRun(PublicationRuns.Run run) {
            this.run = run;
        }

        boolean underWay() {
            return PublicationProgress.CHECKING.equals(state) || PublicationProgress.STARTED.equals(state);
        }

        void failed(RuntimeException e) {
            problem = String.valueOf(e.getMessage());
            state = PublicationProgress.FAILED;
        }

        PublicationProgress progress() {
            return new PublicationProgress(run.consultationId(), run.version(), state, expected, published.get(), run.at(), problem);
        }
    }
}
