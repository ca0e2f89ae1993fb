package io.consultdesk.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * mongo-java-server's H2 backend with its maps in this store's format ({@link StoreMaps}): documents as BSON,
 * index keys compared directly. A file still in the plain backend's format is converted on opening
 * ({@link StoreFormatMigration}).
 */
public class BsonH2Backend extends H2Backend {

    /** Page cache of the MVStore: the default (16 MB) held about a tenth of a 100,000-item read side. */
    static final int CACHE_MB = 64;

    /**
     * How long the store keeps chunks that no longer hold live data before their space is reused: MVStore's own
     * default. A command's reads are protected otherwise: each command pins the store version it starts on
     * ({@link #pinned}), and no chunk that version still needs is reused until the command is done — however long a
     * scan of a million items takes. (A fixed retention long enough for such a scan kept every chunk written in the
     * last ten minutes: under a backlog's writes, tens of gigabytes of file.) A longer retention makes heavy writes
     * faster — chunks are appended rather than reused: a million-item backlog applied at about twice the rate with ten
     * minutes — at that cost in disk: {@code -Dconsultdesk.store.retention-ms=600000} chooses it.
     */
    static final int RETENTION_MS = Integer.getInteger("consultdesk.store.retention-ms", 45_000);

    protected BsonH2Backend(MVStore store) {
        super(store);
        if (!StoreMaps.isInThisFormat(store)) {
            StoreMaps.markFormat(store);
        }
    }

    /** Opens (creating, or converting from the plain format) the store file. */
    public static BsonH2Backend open(Path file) {
        return new BsonH2Backend(openStore(file));
    }

    public static BsonH2Backend inMemory() {
        return new BsonH2Backend(new MVStore.Builder().open());
    }

    static MVStore openStore(Path file) {
        StoreFormatMigration.migrateIfNeeded(file, System.out);
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open();
        store.setRetentionTime(RETENTION_MS);
        return store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return pinned(() -> super.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return pinned(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return pinned(() -> super.handleQuery(query));
    }

    /**
     * Runs a command with the store's current version in use, as MVStore's own transactions do: the chunks that
     * version reads from are not reused while the command runs (a query the store answers by scanning reads every
     * document from the version it started on).
     */
    private <T> T pinned(Supplier<T> command) {
        MVStore store = getMvStore();
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return command.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
