package io.consultdesk.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * Stores a collection's documents in the MVStore as BSON, the server's own wire form.
 *
 * <p>Why: H2's default type writes any object it does not know with Java serialization, a fresh
 * {@code ObjectOutputStream} per document. Every commit rewrites each changed page whole, all its documents
 * with it, so that serialization was most of the embedded store's CPU (46% of a benchmark's samples) and made
 * each update cost more as collections grew. BSON is several times faster both ways and smaller on disk.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, out);
            buff.put(out.nioBuffer());
        } finally {
            out.release();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bytes = buff.slice();
        bytes.limit(length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /** An estimate for the page cache's accounting: characters and a fixed cost per value, no encoding. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 24;
            for (Object v : values) {
                size += 8 + estimate(v);
            }
            return size;
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
