package io.consultdesk.command.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Appends the commits of concurrent commands together: the commits waiting when a writer is free share
 * one reservation of positions and one unordered insert, instead of two round trips each. Each commit
 * still succeeds or fails on its own — a commit whose event clashes with another writer's is refused and
 * its positions settled with tombstones, while the others in the same insert are stored. Whoever finds the
 * writer free writes the waiting commits (its own among them) and hands over; no thread of its own.
 */
final class GroupCommit {

    /** At most this many events go into one insert. */
    static final int MAX_EVENTS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final MongoCollection<Document> events;
    private final EventPositions positions;
    private final Object lock = new Object();
    private final Deque<Commit> waiting = new ArrayDeque<>();
    private boolean writing;

    GroupCommit(MongoCollection<Document> events, EventPositions positions) {
        this.events = events;
        this.positions = positions;
    }

    /** One commit's event documents; their positions are given when they are written. */
    static final class Commit {
        final List<Document> documents;
        private volatile boolean done;
        private volatile RuntimeException failure;
        private volatile int clash = -1;

        Commit(List<Document> documents) {
            this.documents = documents;
        }

        /** The index in this commit of the event another writer holds already; -1 when none. */
        int clash() {
            return clash;
        }
    }

    /**
     * Stores the commit, or throws: {@link MongoBulkWriteException} when it was refused (see
     * {@link Commit#clash()}), or what the store answered when it could not be reached.
     */
    void append(Commit commit) {
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(commit);
        }
        while (true) {
            List<Commit> batch;
            synchronized (lock) {
                while (!commit.done && writing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the commit may be being written by another thread: wait for its outcome
                    }
                }
                if (commit.done) {
                    break;
                }
                writing = true;
                batch = takeWaiting();
            }
            try {
                write(batch);
            } finally {
                synchronized (lock) {
                    writing = false;
                    lock.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (commit.failure != null) {
            throw commit.failure;
        }
    }

    private List<Commit> takeWaiting() {
        List<Commit> batch = new ArrayList<>();
        int size = 0;
        while (!waiting.isEmpty() && (batch.isEmpty() || size + waiting.peek().documents.size() <= MAX_EVENTS)) {
            Commit next = waiting.poll();
            size += next.documents.size();
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Commit> batch) {
        int total = batch.stream().mapToInt(c -> c.documents.size()).sum();
        List<Document> all = new ArrayList<>(total);
        long[] firstOf = new long[batch.size()];
        try {
            long next = positions.reserve(total);
            for (int c = 0; c < batch.size(); c++) {
                Commit commit = batch.get(c);
                firstOf[c] = next;
                for (Document d : commit.documents) {
                    all.add(EventDocuments.placed(d, next++, firstOf[c], commit.documents.size()));
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(commit -> finish(commit, e, -1));
            return;
        }
        try {
            events.insertMany(all, new InsertManyOptions().ordered(false));
            batch.forEach(commit -> finish(commit, null, -1));
        } catch (MongoBulkWriteException e) {
            refuseClashing(batch, firstOf, e);
        } catch (RuntimeException e) {
            for (int c = 0; c < batch.size(); c++) {
                settle(firstOf[c], batch.get(c).documents.size());
                finish(batch.get(c), e, -1);
            }
        }
    }

    /** Commits with a refused event are settled and fail; the others in the insert were stored. */
    private void refuseClashing(List<Commit> batch, long[] firstOf, MongoBulkWriteException e) {
        int offset = 0;
        for (int c = 0; c < batch.size(); c++) {
            Commit commit = batch.get(c);
            int from = offset;
            int to = offset + commit.documents.size();
            List<BulkWriteError> errors = e.getWriteErrors().stream().filter(w -> w.getIndex() >= from && w.getIndex() < to).toList();
            if (errors.isEmpty()) {
                finish(commit, null, -1);
            } else {
                settle(firstOf[c], commit.documents.size()); // no half commits: every position of it becomes a tombstone
                int clash = errors.stream().filter(w -> w.getMessage() != null && w.getMessage().contains(EventDocuments.KEY))
                        .mapToInt(w -> w.getIndex() - from).min().orElse(-1);
                finish(commit, e, clash);
            }
            offset = to;
        }
    }

    private void settle(long first, int size) {
        List<WriteModel<Document>> tombstones = new ArrayList<>(size);
        for (long p = first; p < first + size; p++) {
            tombstones.add(new ReplaceOneModel<>(new Document("_id", p), EventDocuments.tombstone(p), new ReplaceOptions().upsert(true)));
        }
        try {
            events.bulkWrite(tombstones);
        } catch (RuntimeException e) {
            // the relay settles them after the gap timeout instead; none of them is handed out before
            log.warn("positions {}–{} of a failed commit not settled yet: {}", first, first + size - 1, e.getMessage());
        }
    }

    private static void finish(Commit commit, RuntimeException failure, int clash) {
        commit.failure = failure;
        commit.clash = clash;
        commit.done = true;
    }
}
