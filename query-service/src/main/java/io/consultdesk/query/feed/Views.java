package io.consultdesk.query.feed;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Where projections keep their documents: a logical collection name resolved within one generation of views. */
public interface Views {

    MongoCollection<Document> collection(String name);

    /** The generation these views belong to (g1, g2 …): a replay builds the next one beside the live one. */
    String generation();
}
