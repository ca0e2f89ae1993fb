package io.consultdesk.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * One database of the embedded store, as mongo-java-server's {@code H2Database} keeps it, with its maps
 * opened in this store's types ({@link StoreMaps}): documents as BSON, index keys compared directly.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    private static final String META_PREFIX = "meta.";

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        String name = StoreMaps.indexMapName(getFullCollectionNamespace(collectionName), indexName);
        return new BsonUniqueIndex(StoreMaps.index(store, name), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(StoreMaps.indexMapName(getFullCollectionNamespace(collection.getCollectionName()), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        List<String> names = store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".")
                        || name.startsWith(StoreMaps.dataMapName(databaseName))
                        || name.startsWith(META_PREFIX + databaseName))
                .toList();
        names.forEach(store::removeMap);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = StoreMaps.data(store, StoreMaps.dataMapName(fullName));
        MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        store.removeMap(StoreMaps.dataMapName(fullName));
        store.removeMap(META_PREFIX + fullName);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(StoreMaps.data(store, StoreMaps.dataMapName(oldName)), StoreMaps.dataMapName(newName));
        store.renameMap(store.openMap(META_PREFIX + oldName), META_PREFIX + newName);
    }
}
