package io.consultdesk.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.query.feed.BatchApplier;
import io.consultdesk.query.feed.EventFeedListener;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.Projections;
import io.consultdesk.query.feed.TopicScan;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every projection from offset zero of the event topics into the next generation of views. The
 * live generation keeps serving and the live feed keeps writing to it meanwhile. Once the rebuild has
 * reached the end offsets seen at its start, the generation is switched; the rebuild then reads on to the
 * end offsets seen after the switch, so whatever the live feed applied to the old generation alone is
 * applied to the new one too. Both may write the new generation for a moment: each aggregate's write is a
 * compare-and-set of its applied sequence, so that is safe (whoever loses reads again), and the live feed
 * never stops. The rebuild applies what each poll brings (up to 2,000 records) as one batch, through the same
 * {@link BatchApplier} as the live feed.
 */
@Component
public class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private static final List<String> TOPICS = List.of(EventFeedListener.CONSULTATIONS, EventFeedListener.SUBMISSIONS);
    private static final Map<String, Object> SCAN_SETTINGS = Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
            ConsumerConfig.CLIENT_ID_CONFIG, "consultdesk-replay");

    private final LiveViews views;
    private final KafkaProperties kafka;
    private final ObjectMapper json;
    private final Projections registered;
    private volatile Run current;

    public Replay(LiveViews views, Projections registered, KafkaProperties kafka, ObjectMapper json) {
        this.views = views;
        this.registered = registered;
        this.kafka = kafka;
        this.json = json;
    }

    /** Starts a rebuild in the background; refused while one runs. */
    public synchronized ReplayProgress start() {
        if (current != null && current.finishedAt == null) {
            throw new IllegalStateException("a replay is already running: " + current.progress());
        }
        Run run = new Run(views.generation(), views.nextGeneration());
        current = run;
        Thread thread = new Thread(run::execute, "replay-" + run.generation);
        thread.setDaemon(true);
        thread.start();
        return run.progress();
    }

    public ReplayProgress progress() {
        Run run = current;
        return run == null ? null : run.progress();
    }

    /** One rebuild. */
    private final class Run {
        final String previous;
        final String generation;
        final Instant startedAt = Instant.now();
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        volatile Instant finishedAt;
        volatile String state = ReplayProgress.RUNNING;
        volatile String error;

        Run(String previous, String generation) {
            this.previous = previous;
            this.generation = generation;
        }

        ReplayProgress progress() {
            return ReplayProgress.of(state, generation, previous, total.get(), done.get(), startedAt, finishedAt, error);
        }

        void execute() {
            try (TopicScan scan = new TopicScan(kafka, SCAN_SETTINGS, TOPICS)) {
                views.drop(generation); // leftovers of an earlier, failed attempt
                BatchApplier projections = new BatchApplier(views.of(generation), registered, json);
                Map<TopicPartition, Long> begin = scan.beginningOffsets();
                Map<TopicPartition, Long> end = scan.endOffsets();
                total.set(end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum());
                readUntil(scan, end, projections);
                views.switchTo(generation);
                // anything the live feed saw before the switch lies below these offsets
                Map<TopicPartition, Long> finalEnd = scan.endOffsets();
                total.set(finalEnd.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum());
                readUntil(scan, finalEnd, projections);
                finishedAt = Instant.now(); // before the state: a reader that sees DONE also sees when
                state = ReplayProgress.DONE;
                log.info("replay into {} done: {} events in {} ms", generation, done.get(),
                        Duration.between(startedAt, Instant.now()).toMillis());
            } catch (Exception e) {
                finishedAt = Instant.now();
                error = e.getMessage();
                state = ReplayProgress.FAILED;
                // before the switch the previous generation stays live untouched; after it, the live feed keeps
                // the new one current and a further replay rebuilds whatever the catch-up missed
                log.error("replay into {} failed; live generation is {}", generation, views.generation(), e);
            }
        }

        /** Items whose event could not be applied: like the live feed, the rebuild stops each of them there. */
        private final Set<String> poisoned = new HashSet<>();

        private void readUntil(TopicScan scan, Map<TopicPartition, Long> end, BatchApplier projections) {
            scan.readUntil(end, records -> {
                List<BatchApplier.Delivered> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    if (poisoned.contains(record.key())) {
                        continue;
                    }
                    try {
                        batch.add(BatchApplier.Delivered.of(record, EventFeedListener.parse(json, record)));
                    } catch (RuntimeException e) {
                        stop(record.key(), record.topic() + "-" + record.partition() + "@" + record.offset(), e.getMessage());
                    }
                }
                // a failure of the store fails the replay; the live generation is untouched before the switch
                for (BatchApplier.Refusal refusal : projections.apply(batch).refused()) {
                    stop(refusal.delivered().key(), refusal.delivered().source(), refusal.reason());
                }
                done.addAndGet(records.count());
            });
        }

        private void stop(String item, String source, String reason) {
            if (poisoned.add(item)) {
                log.warn("replay into {}: {} of {} cannot be applied ({}); the item stops there, as live", generation, source, item, reason);
            }
        }
    }
}
