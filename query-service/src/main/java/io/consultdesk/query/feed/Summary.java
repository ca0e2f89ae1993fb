package io.consultdesk.query.feed;

import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * Counters kept over the documents of one aggregate collection (e.g. per consultation over its items), updated
 * with each batch and never recounted: the feed ({@link BatchApplier}, {@link SummaryFolder}) derives what one
 * item adds to the counters from its document before and after a batch, and folds the difference in exactly
 * once. A projection offers one through {@link Projection#summary()}.
 */
public interface Summary {

    /** The collection of summary documents (generation-suffixed like every view). */
    String collection();

    /** The aggregate collection whose documents are counted. */
    String itemCollection();

    /** The fields of an item document its contributions depend on: read with its applied sequence. */
    List<String> fields();

    /**
     * What one item document adds to the counters: summary document id → counter path (dot-separated, each
     * segment made safe with {@link #segment}) → amount. Must depend on {@link #fields()} alone; an absent item
     * ({@code null}) adds nothing.
     */
    Map<String, Map<String, Long>> contributions(Document item);

    /** A counter path segment for any text: no dots, no leading {@code $}, never empty. */
    static String segment(String text) {
        if (text == null || text.isEmpty()) {
            return "%00";
        }
        return text.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** The text a {@link #segment} was made from. */
    static String text(String segment) {
        if ("%00".equals(segment)) {
            return "";
        }
        return segment.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
