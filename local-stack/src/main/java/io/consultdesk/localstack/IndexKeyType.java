package io.consultdesk.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys of a unique index in the MVStore: the indexed values, compared value by value in MongoDB's order and
 * stored as a BSON document.
 *
 * <p>Why: H2's default type cannot compare an object that is not {@code Comparable} (the server's
 * {@link KeyValue} is not) except by Java-serializing both sides — on every comparison of every lookup and
 * insert, a dozen or more per index operation. Compared here directly, with no allocation. The server
 * normalizes the values of a key before it looks one up or stores it (numbers as doubles), so equal keys are
 * equal values here.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        Document values = new Document();
        int i = 0;
        for (Object value : key) {
            values.put(Integer.toString(i++), value);
        }
        BsonDocumentType.INSTANCE.write(buff, values);
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        Document values = BsonDocumentType.INSTANCE.read(buff);
        List<Object> key = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            key.add(values.get(Integer.toString(i)));
        }
        return new KeyValue(key);
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 32;
        for (Object value : key) {
            size += 8 + BsonDocumentType.estimate(value);
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
