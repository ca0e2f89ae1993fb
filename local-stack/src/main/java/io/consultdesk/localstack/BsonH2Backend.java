package io.consultdesk.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * mongo-java-server's H2 backend with its maps in this store's format ({@link StoreMaps}): documents as BSON,
 * index keys compared directly. A file still in the plain backend's format is converted on opening
 * ({@link StoreFormatMigration}).
 */
public class BsonH2Backend extends H2Backend {

    /** Page cache of the MVStore: the default (16 MB) held about a tenth of a 100,000-item read side. */
    static final int CACHE_MB = 64;

    /**
     * How long the store keeps chunks that no longer hold live data before their space is reused. A query the
     * store cannot answer from an index reads every document of a collection from one version of the store; with
     * MVStore's default (45 s) a scan of a million items on a busy machine outlived it, and the chunks it still had
     * to read were overwritten under it ("Chunk … not found": the query failed). Ten minutes covers such a scan;
     * the price is file space reused later.
     */
    static final int RETENTION_MS = 10 * 60 * 1000;

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
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
