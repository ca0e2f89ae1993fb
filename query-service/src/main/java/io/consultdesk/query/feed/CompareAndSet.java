package io.consultdesk.query.feed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.List;

/**
 * A bulk of compare-and-set writes — each filtered on a document's key and the state it was read in — sent
 * unordered, and whether every one of them found that state. Items and summary documents are written so.
 */
final class CompareAndSet {

    static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private CompareAndSet() {
    }

    /** Whether every write matched (or created its document); false when any found another state. */
    static boolean allMatched(MongoCollection<Document> collection, List<WriteModel<Document>> models) {
        try {
            BulkWriteResult result = collection.bulkWrite(models, UNORDERED);
            return result.getMatchedCount() + result.getUpserts().size() == models.size();
        } catch (MongoBulkWriteException e) {
            // a duplicate key: a document created meanwhile by another writer, where this one expected none
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
    }
}
