package io.consultdesk.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The maps the embedded store keeps in its MVStore file, by name, each opened with the types it is stored in:
 * <ul>
 *   <li>{@code databases.<db>.<collection>}: a collection's documents by {@code _id}, documents as BSON;</li>
 *   <li>{@code <db>.<collection>._index_<name>}: a unique index, its keys compared and stored by
 *       {@link IndexKeyType}, each pointing at the {@code _id} of its document;</li>
 *   <li>{@code meta.<db>.<collection>}, and any other: small values in H2's default type.</li>
 * </ul>
 * The names are mongo-java-server's (its H2 backend); the types are this store's format,
 * {@link #FORMAT} — a file written by the plain backend is migrated into it ({@link StoreFormatMigration}).
 */
final class StoreMaps {

    /** The map whose presence marks a file as written in this format; it holds the format's name. */
    static final String FORMAT_MAP = "consultdesk.storeFormat";
    static final String FORMAT = "bson-documents-1";

    private static final String DATA_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";

    private StoreMaps() {
    }

    static String dataMapName(String fullCollectionName) {
        return DATA_PREFIX + fullCollectionName;
    }

    static String indexMapName(String fullCollectionName, String indexName) {
        return fullCollectionName + INDEX_INFIX + indexName;
    }

    static MVMap<Object, Document> data(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>()
                .keyType(new ObjectDataType()).valueType(BsonDocumentType.INSTANCE));
    }

    static MVMap<KeyValue, Object> index(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>()
                .keyType(IndexKeyType.INSTANCE).valueType(new ObjectDataType()));
    }

    /** Opens a map of this format by its name, whatever its kind. */
    @SuppressWarnings("unchecked")
    static MVMap<Object, Object> any(MVStore store, String name) {
        if (name.startsWith(DATA_PREFIX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) data(store, name);
        }
        if (name.contains(INDEX_INFIX)) {
            return (MVMap<Object, Object>) (MVMap<?, ?>) index(store, name);
        }
        return store.openMap(name);
    }

    static boolean isInThisFormat(MVStore store) {
        return store.hasMap(FORMAT_MAP);
    }

    /** True when the store holds maps but no format mark: written by the plain backend. */
    static boolean isInPlainFormat(MVStore store) {
        return !isInThisFormat(store) && !store.getMapNames().isEmpty();
    }

    static void markFormat(MVStore store) {
        store.<String, String>openMap(FORMAT_MAP).put("format", FORMAT);
    }
}
