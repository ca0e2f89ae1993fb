package io.consultdesk.query.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds the changes of items into a {@link Summary}'s documents exactly once, without transactions, whatever
 * crashes, redeliveries, replays and second writers do.
 * <p>
 * <b>The delta travels with the item change.</b> When the feed moves an item from sequence {@code L} to
 * {@code T} it computes the item's contributions before and after ({@link Summary#contributions}) and writes
 * their difference onto the item, in the same compare-and-set update that changes the item:
 * {@code summaryOwed.<L+1>_<T>: [{s: summaryId, inc: [{p: path, n: amount}]}]}. So a delta exists if and only
 * if its item change was written, and a transition {@code L→T} of an item happens once (compare-and-set), so
 * its key names it for good.
 * <p>
 * <b>A summary document records what it absorbed.</b> Folding a delta into a summary document is one
 * update of that document: {@code $inc} of the counters plus the marks {@code <item>|<key>} of the deltas it
 * folds, listed under one field of {@code folded} per fold (one path to write, whatever the batch's size), a
 * compare-and-set on the document's {@code version} ({@code {_id, version}}, a unique index). A delta marked
 * there is never folded into it again. Then the delta is removed from the item ({@code $unset}), and only
 * after that, in a later update of the summary document (again a compare-and-set that moves its version),
 * the mark is dropped. So the marks held are only those of deltas folded in the last batch or so.
 * <p>
 * <b>Why this is exact.</b> A writer folds a delta into summary document S only if, reading S first (at
 * version v) and the item after that, it found the delta unmarked in S and still owed by the item, and its
 * update of S still finds version v. If the delta had been folded into S before v, then (its mark gone at v)
 * it had been removed from the item before the mark was dropped, i.e. before v was read, so the later read of
 * the item cannot see it (nothing adds a delta key back: an item change adds only its own new key). If
 * another writer folds it after v was read, S's version has moved and this update matches nothing: it reads
 * again. Crashes only stop the protocol between steps: a delta written but not folded stays on its item, and
 * whoever next reads the item (the redelivered batch, the live feed after a replay) folds it; a mark whose
 * delta was removed but not yet dropped is merely kept (dropped by the next writer that removed it, or kept).
 * <p>
 * Cost: when a batch changes summarized items, one {@code find} of the summary documents by {@code _id}, one
 * {@code find} of the items' owed deltas by {@code _id}, one bulk of compare-and-set updates of the summary
 * documents, one bulk of {@code $unset}s of the items — four commands, whatever the batch's size.
 */
public final class SummaryFolder {

    /** The item field carrying deltas written with an item change and not yet folded everywhere. */
    public static final String OWED = "summaryOwed";
    /** The counters of a summary document, under this field. */
    public static final String COUNTS = "n";
    /** The summary document's version, moved by every update (its compare-and-set). */
    public static final String VERSION = "version";
    /** The marks of deltas folded into a summary document whose removal from their items is not yet known. */
    public static final String FOLDED = "folded";
    private static final long NO_DOCUMENT = -1L;
    private static final int MAX_ROUNDS = 50;

    private final Views views;
    private final Summary summary;
    /**
     * Summary document (by collection, so by generation: a mark of one generation says nothing about another)
     * → marks of deltas this writer removed from their items: dropped with its next update of it.
     */
    private final Map<String, Set<String>> toUnmark = new ConcurrentHashMap<>();

    SummaryFolder(Views views, Summary summary) {
        this.views = views;
        this.summary = summary;
        summaries().createIndex(Indexes.ascending("_id", VERSION), new IndexOptions().unique(true));
    }

    public Summary summary() {
        return summary;
    }

    /**
     * The delta of an item's change, as written onto it: one entry per summary document whose counters change,
     * none when nothing counted changes.
     */
    List<Document> delta(Document before, Document after) {
        Map<String, Map<String, Long>> change = new TreeMap<>();
        summary.contributions(after).forEach((id, counters) -> counters.forEach((path, n) ->
                change.computeIfAbsent(id, k -> new TreeMap<>()).merge(path, n, Long::sum)));
        if (before != null) {
            summary.contributions(before).forEach((id, counters) -> counters.forEach((path, n) ->
                    change.computeIfAbsent(id, k -> new TreeMap<>()).merge(path, -n, Long::sum)));
        }
        List<Document> entries = new ArrayList<>();
        change.forEach((id, counters) -> {
            List<Document> inc = new ArrayList<>();
            counters.forEach((path, n) -> {
                if (n != 0) {
                    inc.add(new Document("p", path).append("n", n));
                }
            });
            if (!inc.isEmpty()) {
                entries.add(new Document("s", id).append("inc", inc));
            }
        });
        return entries;
    }

    /** The key of an item's delta for its change from {@code lastApplied} (-1: none) to {@code target}. */
    static String key(long lastApplied, long target) {
        return (lastApplied + 1) + "_" + target;
    }

    /**
     * Folds every delta still owed by these items (as last seen: item id → its owed deltas) into the summary
     * documents; nothing to do, no command.
     */
    void fold(Map<String, Document> owedAsSeen) {
        Map<String, Document> seen = new HashMap<>();
        owedAsSeen.forEach((item, owed) -> {
            if (owed != null && !owed.isEmpty()) {
                seen.put(item, owed);
            }
        });
        if (seen.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        seen.values().forEach(owed -> owed.values().forEach(entries -> entriesOf(entries).forEach(e -> ids.add(e.getString("s")))));
        for (int round = 1; ; round++) {
            if (round > MAX_ROUNDS) {
                throw new IllegalStateException("other writers kept moving these summaries on during the batch: " + ids);
            }
            if (foldOnce(ids, seen.keySet())) {
                return;
            }
        }
    }

    /** One attempt: false when another writer updated one of the summary documents in between. */
    private boolean foldOnce(Set<String> ids, Collection<String> items) {
        // one generation throughout: a replay's switch-over in between makes this attempt start again
        MongoCollection<Document> summaryDocuments = summaries();
        String generation = suffix(summaryDocuments);
        if (!generation.equals(suffix(items()))) {
            return false;
        }
        // the summary documents first, the items after: see the class comment
        Map<String, Document> summaries = byId(summaryDocuments, ids, new Document(VERSION, 1).append(FOLDED, 1));
        Map<String, Set<String>> marked = marksOf(summaries);
        Map<String, Document> owed = new LinkedHashMap<>();
        byId(items(), items, new Document(OWED, 1)).forEach((item, d) -> {
            Document o = d.get(OWED, Document.class);
            if (o != null && !o.isEmpty()) {
                owed.put(item, o);
            }
        });
        if (owed.isEmpty()) {
            return true;
        }
        Folds folds = Folds.of(owed, ids, marked);
        Map<String, Set<String>> unmarking = new HashMap<>();
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (String id : folds.marks().keySet()) {
            Set<String> drop = summaries.containsKey(id) ? toUnmark.remove(generation + "/" + id) : null;
            if (drop != null) {
                drop.removeAll(folds.marks().get(id));
                unmarking.put(id, drop);
            }
            updates.add(summaryUpdate(id, summaries.get(id), folds, drop == null ? Set.of() : drop));
        }
        if (!updates.isEmpty() && !CompareAndSet.allMatched(summaryDocuments, updates)) {
            // another writer moved one of them on: keep the marks to drop, read again (what did land is marked)
            unmarking.forEach((id, drop) -> toUnmark.computeIfAbsent(generation + "/" + id, k -> ConcurrentHashMap.newKeySet()).addAll(drop));
            return false;
        }
        removeFolded(owed, ids, marked, folds, generation);
        return true;
    }

    private static Map<String, Document> byId(MongoCollection<Document> collection, Collection<String> ids, Document fields) {
        Map<String, Document> found = new HashMap<>();
        collection.find(new Document("_id", new Document("$in", new ArrayList<>(ids)))).projection(fields).batchSize(ids.size())
                .forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    /** What one attempt folds into each summary document: its counters' increments and the marks of the deltas. */
    private record Folds(Map<String, Map<String, Long>> incs, Map<String, Set<String>> marks) {

        /** The deltas the items owe that each summary document (of {@code ids}) has not marked yet. */
        static Folds of(Map<String, Document> owed, Set<String> ids, Map<String, Set<String>> marked) {
            Map<String, Map<String, Long>> incs = new LinkedHashMap<>();
            Map<String, Set<String>> marks = new LinkedHashMap<>();
            owed.forEach((item, deltas) -> deltas.forEach((key, entries) -> {
                String mark = mark(item, key);
                for (Document entry : entriesOf(entries)) {
                    String id = entry.getString("s");
                    if (!ids.contains(id) || marked.getOrDefault(id, Set.of()).contains(mark)) {
                        continue;
                    }
                    marks.computeIfAbsent(id, k -> new HashSet<>()).add(mark);
                    Map<String, Long> inc = incs.computeIfAbsent(id, k -> new TreeMap<>());
                    for (Document p : entry.getList("inc", Document.class)) {
                        inc.merge(COUNTS + "." + p.getString("p"), ((Number) p.get("n")).longValue(), Long::sum);
                    }
                }
            }));
            return new Folds(incs, marks);
        }

        boolean folds(String id, String mark) {
            return marks.getOrDefault(id, Set.of()).contains(mark);
        }
    }

    /**
     * One summary document's compare-and-set: the counters' increments, this fold's marks as one list (one field
     * to write, however many items the batch folded), and the marks to drop taken out of the lists holding them.
     */
    private static UpdateOneModel<Document> summaryUpdate(String id, Document current, Folds folds, Set<String> drop) {
        long version = current == null ? NO_DOCUMENT : current.get(VERSION, Number.class).longValue();
        Document set = new Document(VERSION, version + 1);
        set.append(FOLDED + "." + UUID.randomUUID().toString().replace("-", ""), new ArrayList<>(folds.marks().get(id)));
        Document update = new Document("$set", set);
        Document inc = new Document();
        folds.incs().get(id).forEach((path, n) -> {
            if (n != 0) {
                inc.append(path, n);
            }
        });
        if (!inc.isEmpty()) {
            update.append("$inc", inc);
        }
        Document unset = new Document();
        markLists(current).forEach((field, listed) -> {
            List<String> remaining = listed.stream().filter(m -> !drop.contains(m)).toList();
            if (remaining.isEmpty()) {
                unset.append(FOLDED + "." + field, "");
            } else if (remaining.size() < listed.size()) {
                set.append(FOLDED + "." + field, remaining);
            }
        });
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        // compared as stored, so that the unique index (_id, version) serves it
        Object expected = current == null ? NO_DOCUMENT : current.get(VERSION);
        return new UpdateOneModel<>(new Document("_id", id).append(VERSION, expected), update,
                new UpdateOptions().upsert(current == null));
    }

    /** Each delta folded (by now, or before) into every document it names leaves its item; its marks may then go. */
    private void removeFolded(Map<String, Document> owed, Set<String> ids, Map<String, Set<String>> marked, Folds folds,
                              String generation) {
        List<WriteModel<Document>> removals = new ArrayList<>();
        Map<String, Set<String>> removedMarks = new HashMap<>();
        owed.forEach((item, deltas) -> {
            Document unset = new Document();
            deltas.forEach((key, entries) -> {
                String mark = mark(item, key);
                boolean everywhere = true;
                for (Document entry : entriesOf(entries)) {
                    String id = entry.getString("s");
                    everywhere &= ids.contains(id) && (marked.getOrDefault(id, Set.of()).contains(mark) || folds.folds(id, mark));
                }
                if (everywhere) {
                    unset.append(OWED + "." + key, "");
                    entriesOf(entries).forEach(e -> removedMarks.computeIfAbsent(e.getString("s"), k -> new HashSet<>()).add(mark));
                }
            });
            if (!unset.isEmpty()) {
                removals.add(new UpdateOneModel<>(new Document("_id", item), new Document("$unset", unset)));
            }
        });
        // resolved again, and only in the same generation: a delta key says nothing about another generation's item
        MongoCollection<Document> clearing = items();
        if (!removals.isEmpty() && generation.equals(suffix(clearing))) {
            clearing.bulkWrite(removals, CompareAndSet.UNORDERED);
            removedMarks.forEach((id, ms) -> toUnmark.computeIfAbsent(generation + "/" + id, k -> ConcurrentHashMap.newKeySet()).addAll(ms));
        }
    }

    /** The generation a collection belongs to: its name's suffix. */
    private static String suffix(MongoCollection<Document> collection) {
        String name = collection.getNamespace().getCollectionName();
        return name.substring(name.lastIndexOf('_') + 1);
    }

    /** Every mark each summary document holds, whatever field holds it. */
    private static Map<String, Set<String>> marksOf(Map<String, Document> summaries) {
        Map<String, Set<String>> marks = new HashMap<>();
        summaries.forEach((id, summary) -> markLists(summary).values().forEach(listed ->
                marks.computeIfAbsent(id, k -> new HashSet<>()).addAll(listed)));
        return marks;
    }

    /**
     * A summary document's marks by the field holding them: a fold's marks as one list under a field of its
     * own; a mark written by earlier releases as a field named by the mark, holding {@code true}.
     */
    private static Map<String, List<String>> markLists(Document summary) {
        Document folded = summary == null ? null : summary.get(FOLDED, Document.class);
        if (folded == null) {
            return Map.of();
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        folded.forEach((field, value) -> {
            if (value instanceof List<?> listed) {
                lists.put(field, listed.stream().map(String::valueOf).toList());
            } else {
                lists.put(field, List.of(field));
            }
        });
        return lists;
    }

    private static String mark(String item, String key) {
        return Summary.segment(item) + "|" + key;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> entriesOf(Object entries) {
        return (List<Document>) entries;
    }

    private MongoCollection<Document> summaries() {
        return views.collection(summary.collection());
    }

    private MongoCollection<Document> items() {
        return views.collection(summary.itemCollection());
    }
}
