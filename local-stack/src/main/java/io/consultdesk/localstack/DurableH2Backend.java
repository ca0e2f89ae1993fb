package io.consultdesk.localstack;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store's backend ({@link BsonH2Backend}), made durable when it acknowledges: every write command commits the MVStore to its file
 * before its reply leaves the server.
 *
 * <p>Why: mongo-java-server's H2 backend changes the MVStore in memory and leaves storing to MVStore's
 * background writer, about once a second. A write acknowledged to a client in that second existed only in
 * the server's heap; when the process hosting the server was killed, it was gone on restart (14–26 of 150
 * acknowledged comments, measured), while the services had already told their users 201.
 *
 * <p>Commits are grouped: each write takes a ticket once its change is in memory; a writer whose ticket a
 * finished commit already covered (because another thread committed after its change) returns without
 * committing again. Reads never commit.
 *
 * <p>What it does not cover: a commit hands the bytes to the operating system, which survives the death of
 * this process but not of the machine. With {@code syncToDisk} each commit is also forced to the device
 * (fsync), for power loss and OS crashes, at a further cost per commit.
 */
public final class DurableH2Backend extends BsonH2Backend {

    /** Commands (lower case) that change data or metadata, as the server names them. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final boolean syncToDisk;
    private final AtomicLong writesApplied = new AtomicLong();
    private final Object commitLock = new Object();
    private long writesCommitted;
    private final AtomicLong commits = new AtomicLong();

    public DurableH2Backend(Path file, boolean syncToDisk) {
        super(openStore(file));
        this.syncToDisk = syncToDisk;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!isWrite(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a refused write: part of a batch may have been applied before the refusal
            commitCovering(writesApplied.incrementAndGet());
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITES.contains(name)) {
            return true;
        }
        // an aggregation writes only through $out or $merge
        return name.equals("aggregate") && query.get("pipeline") instanceof List<?> stages
                && stages.stream().anyMatch(s -> s instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    /**
     * Returns once a commit that started after write number {@code ticket} was in memory has finished.
     * Tickets are taken after the change, so a commit started once {@code writesApplied} reached a value
     * holds every write up to that value.
     */
    private void commitCovering(long ticket) {
        synchronized (commitLock) {
            if (writesCommitted >= ticket) {
                return; // another writer's commit carried this change
            }
            long upTo = writesApplied.get();
            commit();
            if (syncToDisk) {
                getMvStore().sync();
            }
            writesCommitted = upTo;
            commits.incrementAndGet();
        }
    }

    /** How many commits the writes caused (fewer than the writes when they were grouped). */
    public long commits() {
        return commits.get();
    }
}
