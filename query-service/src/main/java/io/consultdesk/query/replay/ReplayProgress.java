package io.consultdesk.query.replay;

import java.time.Duration;
import java.time.Instant;

/** Where a replay stands: events done of the total seen at its start, rate and estimated time left. */
public record ReplayProgress(String state, String generation, String previousGeneration, long eventsTotal, long eventsDone,
                             double eventsPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    static ReplayProgress of(String state, String generation, String previous, long total, long done, Instant startedAt,
                             Instant finishedAt, String error) {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = RUNNING.equals(state) && rate > 0 ? (long) Math.ceil(Math.max(0, total - done) / rate) : null;
        return new ReplayProgress(state, generation, previous, total, done, Math.round(rate * 10) / 10.0, eta, startedAt,
                finishedAt, error);
    }
}
