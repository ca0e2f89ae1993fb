package io.consultdesk.command.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the event log in position order for a tracking processor (the relay), with Axon's gap-aware
 * token: the highest position read, and the positions below it that held nothing yet. Each read is one
 * lookup of the counter and one {@code _id $in} of the token's gaps and the next positions — key lookups
 * only. An event written late fills its gap and is read then; a commit is read only once all its events are
 * there. A position still empty {@code gapTimeout} after it was first seen gets a tombstone ("fenced"): a
 * writer that had reserved it and never wrote (a crash) can no longer write it, so nothing waits for it and
 * nothing written later can be passed over. Runs of settled positions are read past in the same call, so a
 * window that holds no event never stalls the reader.
 */
final class TrackedEventReader {

    private static final Logger log = LoggerFactory.getLogger(TrackedEventReader.class);

    /** Empty positions one read looks past, at most, when it has found nothing to hand out. */
    static final int MAX_EMPTY_PER_READ = 4_096;

    private final MongoCollection<Document> events;
    private final EventPositions positions;
    private final Duration gapTimeout;
    private final Clock clock;
    /** When each still-empty position was first seen empty: the fence's clock (restarts with the process: it only waits longer). */
    private final Map<Long, Instant> emptySince = new HashMap<>();

    TrackedEventReader(MongoCollection<Document> events, EventPositions positions, Duration gapTimeout, Clock clock) {
        this.events = events;
        this.positions = positions;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    static GapAwareTrackingToken start() {
        return GapAwareTrackingToken.newInstance(-1, Set.of());
    }

    synchronized List<TrackedEventData<?>> read(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null ? start() : (GapAwareTrackingToken) lastToken;
        long head = positions.next() - 1;
        Progress progress = new Progress(token);
        long windowStart = token.getIndex() + 1;
        boolean first = true;
        while (true) {
            long windowEnd = Math.min(windowStart + batchSize - 1, head);
            TreeSet<Long> candidates = new TreeSet<>();
            if (first) {
                candidates.addAll(token.getGaps());
            }
            for (long p = windowStart; p <= windowEnd; p++) {
                candidates.add(p);
            }
            if (candidates.isEmpty()) {
                break;
            }
            Map<Long, Document> found = readCommitsOf(candidates);
            for (long p : candidates) {
                progress.visit(p, found.get(p), found);
            }
            first = false;
            if (!progress.out.isEmpty() || windowEnd >= head || progress.emptySeen > MAX_EMPTY_PER_READ) {
                break;
            }
            // nothing to hand out here: look further in the same call (runs of settled positions are passed in one
            // call, so they never stall the reader) — but not past a bounded number of empty positions: reserved
            // positions not yet written can run far ahead, and each empty one looked at is remembered for its fence
            windowStart = windowEnd + 1;
        }
        return progress.out;
    }

    /** The documents at the candidates, plus every position of the commits they belong to. */
    private Map<Long, Document> readCommitsOf(Set<Long> candidates) {
        Map<Long, Document> found = byPosition(new ArrayList<>(candidates));
        List<Long> rest = new ArrayList<>();
        for (Document d : found.values()) {
            if (!EventDocuments.isTombstone(d) && EventDocuments.commitSize(d) > 1) {
                long firstOfCommit = EventDocuments.commitFirst(d);
                for (long p = firstOfCommit; p < firstOfCommit + EventDocuments.commitSize(d); p++) {
                    if (!candidates.contains(p) && !found.containsKey(p)) {
                        rest.add(p);
                    }
                }
            }
        }
        if (!rest.isEmpty()) {
            found.putAll(byPosition(rest.stream().distinct().toList()));
        }
        return found;
    }

    private Map<Long, Document> byPosition(List<Long> positionsToRead) {
        Map<Long, Document> found = new TreeMap<>();
        for (Document d : events.find(new Document("_id", new Document("$in", positionsToRead)))) {
            found.put(EventDocuments.position(d), d);
        }
        return found;
    }

    /** The token as it advances over the positions of one read, and the events handed out. */
    private final class Progress {
        final List<TrackedEventData<?>> out = new ArrayList<>();
        long index;
        final TreeSet<Long> gaps;
        /** Empty positions above the index: gaps once an event above them is handed out. */
        final TreeSet<Long> emptyAbove = new TreeSet<>();
        /** Empty positions looked at in this read. */
        int emptySeen;

        Progress(GapAwareTrackingToken token) {
            this.index = token.getIndex();
            this.gaps = new TreeSet<>(token.getGaps());
        }

        void visit(long p, Document document, Map<Long, Document> found) {
            if (document == null) {
                empty(p);
                return;
            }
            if (EventDocuments.isTombstone(document)) {
                settled(p);
                return;
            }
            switch (commitState(document, found)) {
                case INCOMPLETE -> empty(p);
                case VOID -> {
                    // a commit that failed and was never cleaned up (its writer died): settle its events too
                    events.replaceOne(new Document("_id", p), EventDocuments.tombstone(p));
                    log.warn("event log position {} belonged to a failed commit; settled", p);
                    settled(p);
                }
                case COMPLETE -> handOut(p, document);
            }
        }

        private void handOut(long p, Document document) {
            emptySince.remove(p);
            if (p > index) {
                gaps.addAll(emptyAbove.headSet(p));
                emptyAbove.clear();
                index = p;
            } else {
                gaps.remove(p);
            }
            out.add(new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(index, new TreeSet<>(gaps)),
                    EventDocuments.entry(document)));
        }

        private void settled(long p) {
            emptySince.remove(p);
            gaps.remove(p);
            emptyAbove.remove(p);
        }

        private void empty(long p) {
            emptySeen++;
            Instant now = clock.instant();
            Instant since = emptySince.putIfAbsent(p, now);
            if (since != null && Duration.between(since, now).compareTo(gapTimeout) >= 0 && fence(p)) {
                settled(p);
                return;
            }
            if (p > index) {
                emptyAbove.add(p);
            }
        }
    }

    private enum CommitState { COMPLETE, INCOMPLETE, VOID }

    private static CommitState commitState(Document document, Map<Long, Document> found) {
        int size = EventDocuments.commitSize(document);
        if (size == 1) {
            return CommitState.COMPLETE;
        }
        long firstOfCommit = EventDocuments.commitFirst(document);
        CommitState state = CommitState.COMPLETE;
        for (long p = firstOfCommit; p < firstOfCommit + size; p++) {
            Document other = found.get(p);
            if (other == null) {
                state = CommitState.INCOMPLETE;
            } else if (EventDocuments.isTombstone(other)) {
                return CommitState.VOID;
            }
        }
        return state;
    }

    /** Settles an empty position for good; false when its event arrived meanwhile (it is read next time). */
    private boolean fence(long p) {
        try {
            events.insertOne(EventDocuments.tombstone(p));
            log.warn("event log position {} stayed empty for {} s after it was handed out: fenced (its writer can no longer write it)",
                    p, gapTimeout.toSeconds());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
