package io.consultdesk.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a batch of events to every projection with a handful of commands, whatever the batch's size.
 * <p>
 * For each collection that keeps one document per aggregate, one {@code find({_id: {$in: […]}})} reads the
 * last sequence each aggregate of the batch has applied. In memory each aggregate's events (with any it had
 * held) are then sorted out: those at or below it were applied before (a redelivery, an older event) and are
 * dropped; those that follow on without a gap are the run to apply; the rest wait in {@link HeldEvents}.
 * The projections turn each event of a run into {@link Changes}, and one aggregate's run folds into one
 * update of its document. Then each collection is written once: documents put or inserted (history,
 * published rows) in one unordered bulk write, duplicate keys of inserts ignored; the aggregates' documents
 * in one unordered bulk of {@code updateOne}s.
 * <p>
 * Each aggregate's update is a compare-and-set: its filter is {@code {_id, lastSequence}} as read, so it
 * changes nothing when another writer (the replay at its switch-over, a consumer whose partitions just moved)
 * moved the aggregate on in between; those aggregates are read again and folded again. The filter's fields are
 * exactly the keys of a unique index ({@code _id, lastSequence}) that the applier creates: real MongoDB would
 * serve it from {@code _id} alone, but the development store (mongo-java-server) answers from an index only a
 * filter whose keys are exactly one unique index's keys, and otherwise scans every document.
 * <p>
 * Where a projection keeps a {@link Summary} over an aggregate collection, the read also projects the fields it
 * counts and each aggregate's update carries the difference its run makes to the summary; the
 * {@link SummaryFolder} then folds those into the summary documents, exactly once (four more commands).
 * <p>
 * Every write is by key; the only writes that depend on what was read are these compare-and-sets. So a batch
 * that fails halfway (the store away) is simply retried whole: what it wrote already is recognised as applied.
 */
public final class BatchApplier {

    /** The field of an aggregate's document holding the sequence of its last applied event. */
    public static final String LAST_SEQUENCE = "lastSequence";
    /** The reason given to the events of an aggregate that follow a refused one. */
    public static final String BEHIND = "waiting behind an earlier event of this item that could not be applied";
    /** Stands in an aggregate's compare-and-set for "no document yet": the update then creates it. */
    private static final long NO_DOCUMENT = -1L;
    /** Rounds of compare-and-set lost to other writers before the batch is failed (and so retried). */
    private static final int MAX_ROUNDS = 50;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final UpdateOptions ADD_UPSERT = new UpdateOptions().upsert(true);

    private final Views views;
    private final List<Projection> projections;
    /** Aggregate type → the collection whose documents carry its aggregates' last sequence. */
    private final Map<String, String> sequencedIn;
    private final HeldEvents held;
    /** Aggregate collection → the summary kept over its documents, if any. */
    private final Map<String, SummaryFolder> summaries;
    /** Aggregate collection → the numbering of its documents in order of arrival, if it keeps one. */
    private final Map<String, ArrivalOrder> arrivals;
    /** Aggregate collection → the lists of its documents per group and value of a list field, if it keeps them. */
    private final Map<String, Listing> listings;

    public BatchApplier(Views views, Projections registered, ObjectMapper json) {
        this.views = views;
        this.projections = registered.forViews(views);
        Map<String, String> sequenced = new HashMap<>();
        for (Projection projection : projections) {
            projection.documentPerAggregate().ifPresent(d -> {
                String other = sequenced.putIfAbsent(d.aggregateType(), d.collection());
                if (other != null) {
                    throw new IllegalStateException(d.aggregateType() + " has a document per aggregate in both " + other
                            + " and " + d.collection() + ": the feed keeps its sequence in one");
                }
            });
        }
        this.sequencedIn = Map.copyOf(sequenced);
        Map<String, ArrivalOrder> numbered = new HashMap<>();
        for (Projection projection : projections) {
            projection.documentPerAggregate().filter(d -> d.arrivalGroup() != null).ifPresent(d ->
                    numbered.put(d.collection(), new ArrivalOrder(views, d.collection(), d.arrivalGroup())));
        }
        this.arrivals = Map.copyOf(numbered);
        Map<String, Listing> listed = new HashMap<>();
        for (Projection projection : projections) {
            projection.documentPerAggregate().filter(d -> d.arrivalGroup() != null && d.listedBy() != null).ifPresent(d ->
                    listed.put(d.collection(), new Listing(new BureauArrivals(views, d.collection()), d.arrivalGroup(), d.listedBy())));
        }
        this.listings = Map.copyOf(listed);
        for (String collection : sequencedIn.values()) {
            views.collection(collection).createIndex(Indexes.ascending("_id", LAST_SEQUENCE), new IndexOptions().unique(true));
        }
        this.held = new HeldEvents(views, json);
        Map<String, SummaryFolder> folders = new HashMap<>();
        for (Projection projection : projections) {
            projection.summary().ifPresent(summary -> {
                if (!sequencedIn.containsValue(summary.itemCollection())) {
                    throw new IllegalStateException("a summary over " + summary.itemCollection()
                            + ", which keeps no document per aggregate");
                }
                if (folders.putIfAbsent(summary.itemCollection(), new SummaryFolder(views, summary)) != null) {
                    throw new IllegalStateException("two summaries over " + summary.itemCollection());
                }
            });
        }
        this.summaries = Map.copyOf(folders);
    }

    /** One event to apply, with what the dead-letter topic needs if it is refused: its record's key and value, and where it was read. */
    public record Delivered(EventEnvelope event, String key, String value, String source) {

        public static Delivered of(ConsumerRecord<String, String> record, EventEnvelope event) {
            return new Delivered(event, record.key(), record.value(), record.topic() + "-" + record.partition() + "@" + record.offset());
        }
    }

    /** An event not applied: refused by a projection ({@code cause}), or behind a refused event of its aggregate (no cause). */
    public record Refusal(Delivered delivered, RuntimeException cause) {

        public String reason() {
            return cause == null ? BEHIND : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }

    /** What a batch did: events applied (held ones released included), events newly held, events refused. */
    public record Outcome(int applied, int held, List<Refusal> refused) {
    }

    /** The events this applier keeps back until their predecessors come. */
    public HeldEvents heldEvents() {
        return held;
    }

    /**
     * Applies the batch: each aggregate's new events in its own order, events ahead of a missing predecessor
     * held, an event a projection refuses reported with those of its aggregate behind it (the aggregate stops
     * there; everything else flows). A failure of the store propagates: retry the whole batch.
     */
    public Outcome apply(List<Delivered> batch) {
        Map<Aggregate, List<Delivered>> arrived = new LinkedHashMap<>();
        for (Delivered d : batch) {
            arrived.computeIfAbsent(new Aggregate(d.event().aggregateType(), d.event().aggregateId()), a -> new ArrayList<>()).add(d);
        }
        Map<String, List<Delivered>> heldOf = held.of(arrived.keySet().stream().filter(this::sequenced).map(Aggregate::id).toList());

        int applied = 0;
        List<Delivered> toHold = new ArrayList<>();
        List<EventEnvelope> toForget = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Collection<Aggregate> pending = arrived.keySet();
        Map<Aggregate, Document> stored = read(pending);
        // every summary delta seen on (or written onto) the batch's items: folded after the items are written
        Map<String, Map<String, Document>> owed = new HashMap<>();
        noteOwed(stored, owed);
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_ROUNDS) {
                throw new IllegalStateException("other writers kept moving these aggregates on during the batch: " + pending);
            }
            List<Plan> plans = new ArrayList<>();
            for (Aggregate aggregate : pending) {
                plans.add(plan(aggregate, arrived.get(aggregate), heldOf.getOrDefault(aggregate.id(), List.of()),
                        stored.get(aggregate)));
            }
            writeDocumentsOfEvents(plans);
            Map<Aggregate, Document> lost = writeAggregates(plans, owed);
            for (Plan plan : plans) {
                if (!lost.containsKey(plan.aggregate)) {
                    if (!plan.delta.isEmpty()) {
                        owed.computeIfAbsent(sequencedIn.get(plan.aggregate.type()), c -> new HashMap<>())
                                .computeIfAbsent(plan.aggregate.id(), i -> new Document())
                                .append(SummaryFolder.key(plan.lastApplied(), plan.target()), plan.delta);
                    }
                    applied += plan.folded.size();
                    toHold.addAll(plan.ahead);
                    toForget.addAll(plan.forget);
                    refused.addAll(plan.refused);
                }
            }
            pending = lost.keySet();
            stored = lost;
        }
        owed.forEach((collection, items) -> summaries.get(collection).fold(items));
        held.hold(toHold);
        held.remove(toForget);
        return new Outcome(applied, toHold.size(), refused);
    }

    private boolean sequenced(Aggregate aggregate) {
        return sequencedIn.containsKey(aggregate.type());
    }

    /** Remembers the summary deltas the read documents still owe. */
    private void noteOwed(Map<Aggregate, Document> read, Map<String, Map<String, Document>> owed) {
        read.forEach((aggregate, d) -> {
            String collection = sequencedIn.get(aggregate.type());
            Document o = d == null ? null : d.get(SummaryFolder.OWED, Document.class);
            if (summaries.containsKey(collection) && o != null && !o.isEmpty()) {
                owed.computeIfAbsent(collection, c -> new HashMap<>())
                        .computeIfAbsent(aggregate.id(), i -> new Document()).putAll(o);
            }
        });
    }

    /**
     * Each aggregate's document as stored (absent: no document yet): its last sequence and, where a summary
     * counts its documents, the fields the summary reads and the deltas it still owes. One read per collection.
     */
    private Map<Aggregate, Document> read(Collection<Aggregate> aggregates) {
        Map<String, List<Aggregate>> byCollection = new HashMap<>();
        for (Aggregate a : aggregates) {
            if (sequenced(a)) {
                byCollection.computeIfAbsent(sequencedIn.get(a.type()), c -> new ArrayList<>()).add(a);
            }
        }
        Map<Aggregate, Document> documents = new HashMap<>();
        byCollection.forEach((collection, of) -> {
            List<String> ids = of.stream().map(Aggregate::id).distinct().toList();
            String type = of.get(0).type();
            Document projection = new Document(LAST_SEQUENCE, 1);
            Listing listing = listings.get(collection);
            if (listing != null) {
                projection.append(listing.group(), 1).append(listing.field(), 1);
            }
            SummaryFolder folder = summaries.get(collection);
            if (folder != null) {
                folder.summary().fields().forEach(f -> projection.append(f, 1));
                projection.append(SummaryFolder.OWED, 1);
            }
            views.collection(collection).find(new Document("_id", new Document("$in", ids)))
                    .projection(projection).batchSize(ids.size())
                    .forEach(d -> documents.put(new Aggregate(type, d.getString("_id")), d));
        });
        return documents;
    }

    /** What one aggregate's events of this batch do, given the last sequence its document applied. */
    private Plan plan(Aggregate aggregate, List<Delivered> arrived, List<Delivered> heldEvents, Document stored) {
        Plan plan = new Plan(aggregate, stored);
        Set<Delivered> wasHeld = Collections.newSetFromMap(new IdentityHashMap<>());
        wasHeld.addAll(heldEvents);
        List<Delivered> run = new ArrayList<>();
        List<Delivered> beyond = new ArrayList<>();
        if (!sequenced(aggregate)) {
            // no document keeps this aggregate's sequence: its events go to the projections that read them, which
            // write only documents keyed by the event, the same whoever writes them and however often
            run.addAll(arrived);
        } else {
            TreeMap<Long, Delivered> bySequence = new TreeMap<>();
            heldEvents.forEach(d -> bySequence.putIfAbsent(d.event().sequence(), d));
            arrived.forEach(d -> bySequence.putIfAbsent(d.event().sequence(), d));
            long next = plan.lastApplied() + 1;
            for (Map.Entry<Long, Delivered> e : bySequence.entrySet()) {
                if (e.getKey() < next) {
                    if (wasHeld.contains(e.getValue())) {
                        plan.forget.add(e.getValue().event()); // applied meanwhile, e.g. by the other writer at a replay's switch
                    }
                } else if (e.getKey() == next && beyond.isEmpty()) {
                    run.add(e.getValue());
                    next++;
                } else {
                    beyond.add(e.getValue());
                }
            }
        }
        int folded = foldRun(plan, run);
        List<Delivered> notApplied = new ArrayList<>(run.subList(folded, run.size()));
        if (!plan.refused.isEmpty()) {
            // the aggregate stops at the refused event: what follows it goes to the dead-letter topic behind it
            notApplied.remove(0);
            notApplied.addAll(beyond);
            notApplied.forEach(d -> plan.refused.add(new Refusal(d, null)));
            plan.refused.forEach(r -> {
                if (wasHeld.contains(r.delivered())) {
                    plan.forget.add(r.delivered().event());
                }
            });
        } else {
            beyond.stream().filter(d -> !wasHeld.contains(d)).forEach(plan.ahead::add);
        }
        run.subList(0, folded).stream().filter(wasHeld::contains).forEach(d -> plan.forget.add(d.event()));
        return plan;
    }

    /** Folds the run's events through the projections into the plan, up to the first refused; how many were folded. */
    private int foldRun(Plan plan, List<Delivered> run) {
        int folded = 0;
        for (; folded < run.size(); folded++) {
            Delivered d = run.get(folded);
            Changes changes = new Changes(d.event());
            try {
                for (Projection projection : projections) {
                    if (projection.accepts(d.event())) {
                        projection.apply(d.event(), changes);
                    }
                }
                requireOwnDocument(plan.aggregate, changes);
            } catch (RuntimeException refusedEvent) {
                plan.refused.add(new Refusal(d, refusedEvent));
                break;
            }
            plan.folded.add(changes);
        }
        return folded;
    }

    /** Fields may be set only on the aggregate's own document, the one carrying its sequence. */
    private void requireOwnDocument(Aggregate aggregate, Changes changes) {
        String own = sequencedIn.get(aggregate.type());
        for (String collection : changes.fields().keySet()) {
            if (!collection.equals(own)) {
                throw new IllegalStateException("a projection set fields of a " + aggregate.type() + " document in " + collection
                        + ", but " + aggregate.type() + " documents are kept in " + (own == null ? "no collection" : own));
            }
        }
    }

    /**
     * Documents keyed by the event (history, published rows and tables): one unordered bulk write per
     * collection. Written before the aggregates' documents, so that a crash in between is repaired by the
     * redelivery, which finds the aggregate not yet moved on and writes them again.
     */
    private void writeDocumentsOfEvents(List<Plan> plans) {
        Map<String, Map<Object, WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        for (Plan plan : plans) {
            for (Changes changes : plan.folded) {
                changes.puts().forEach((collection, documents) -> documents.forEach(d -> byCollection
                        .computeIfAbsent(collection, c -> new LinkedHashMap<>())
                        .put(d.get("_id"), new ReplaceOneModel<>(new Document("_id", d.get("_id")), d, UPSERT))));
                changes.inserts().forEach((collection, documents) -> documents.forEach(d -> byCollection
                        .computeIfAbsent(collection, c -> new LinkedHashMap<>())
                        .putIfAbsent(d.get("_id"), new InsertOneModel<>(d))));
                // several additions to one document all count: each is a write of its own, keyed by itself
                changes.additions().forEach((collection, additions) -> additions.forEach(a -> byCollection
                        .computeIfAbsent(collection, c -> new LinkedHashMap<>())
                        .put(a, new UpdateOneModel<>(new Document("_id", a.get("_id")), new Document("$setOnInsert", a.get("created"))
                                .append("$addToSet", new Document(a.getString("field"), new Document("$each", a.get("values")))),
                                ADD_UPSERT))));
            }
        }
        byCollection.forEach((collection, writes) -> {
            List<WriteModel<Document>> models = new ArrayList<>(writes.values());
            try {
                views.collection(collection).bulkWrite(models, CompareAndSet.UNORDERED);
            } catch (MongoBulkWriteException e) {
                // an insert finding its document there is a redelivery: already done. Anything else (e.g. two
                // writers racing to create the same put document) fails the batch, to be retried.
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                            || !(models.get(error.getIndex()) instanceof InsertOneModel)) {
                        throw e;
                    }
                }
            }
        });
    }

    /**
     * Each aggregate's folded run as one compare-and-set of its document: one unordered bulk per collection.
     * Where a summary counts the documents, the update also writes the item's summary delta onto it (see
     * {@link SummaryFolder}). Returns the aggregates another writer moved on meanwhile and not as far as this
     * run, with their documents as they are now: to be planned again from there.
     */
    private Map<Aggregate, Document> writeAggregates(List<Plan> plans, Map<String, Map<String, Document>> owed) {
        Map<String, List<Plan>> byCollection = new LinkedHashMap<>();
        for (Plan plan : plans) {
            if (sequenced(plan.aggregate) && !plan.folded.isEmpty()) {
                byCollection.computeIfAbsent(sequencedIn.get(plan.aggregate.type()), c -> new ArrayList<>()).add(plan);
            }
        }
        Map<Aggregate, Document> lost = new HashMap<>();
        byCollection.forEach((collection, writing) -> {
            List<WriteModel<Document>> models = new ArrayList<>();
            SummaryFolder folder = summaries.get(collection);
            Map<Plan, Document> sets = new LinkedHashMap<>();
            for (Plan plan : writing) {
                Document set = new Document();
                plan.folded.forEach(changes -> set.putAll(changes.fields().getOrDefault(collection, new Document())));
                sets.put(plan, set);
            }
            ArrivalOrder arrival = arrivals.get(collection);
            if (arrival != null) {
                arrival.number(writing.stream().filter(p -> p.stored == null).map(sets::get).toList());
            }
            Listing listing = listings.get(collection);
            if (listing != null) {
                // before the documents: a list may name an item more than once, never miss one
                listing.arrivals().record(listing.joined(writing, sets));
            }
            for (Plan plan : writing) {
                Document set = sets.get(plan);
                if (folder != null) {
                    Document after = plan.stored == null ? new Document() : new Document(plan.stored);
                    after.putAll(set);
                    plan.delta = folder.delta(plan.stored, after);
                    if (!plan.delta.isEmpty()) {
                        set.put(SummaryFolder.OWED + "." + SummaryFolder.key(plan.lastApplied(), plan.target()), plan.delta);
                    }
                }
                set.put(LAST_SEQUENCE, plan.target());
                // compared as stored (its BSON type included), so that an index lookup finds it
                Object expected = plan.appliedSequence == null ? NO_DOCUMENT : plan.appliedSequence;
                models.add(new UpdateOneModel<>(new Document("_id", plan.aggregate.id()).append(LAST_SEQUENCE, expected),
                        new Document("$set", set), new UpdateOptions().upsert(plan.appliedSequence == null)));
            }
            if (!CompareAndSet.allMatched(views.collection(collection), models)) {
                Map<Aggregate, Document> now = read(writing.stream().map(p -> p.aggregate).toList());
                // what the other writer left owed (it may have stopped before folding) is folded with this batch
                noteOwed(now, owed);
                for (Plan plan : writing) {
                    Document current = now.get(plan.aggregate);
                    long reached = current == null ? NO_DOCUMENT : current.get(LAST_SEQUENCE, Number.class).longValue();
                    if (reached < plan.target()) {
                        lost.put(plan.aggregate, current);
                    }
                }
            }
        });
        return lost;
    }

    private record Aggregate(String type, String id) {
    }

    /** A collection's lists per {@code group} and value of {@code field} ({@link BureauArrivals}). */
    private record Listing(BureauArrivals arrivals, String group, String field) {

        /** The values each document gains with this run (in its fields as now set, not as it was), in the runs' order. */
        List<BureauArrivals.Joined> joined(List<Plan> writing, Map<Plan, Document> sets) {
            List<BureauArrivals.Joined> joined = new ArrayList<>();
            for (Plan plan : writing) {
                Document set = sets.get(plan);
                if (!set.containsKey(field)) {
                    continue;
                }
                String group = set.getString(this.group) != null ? set.getString(this.group)
                        : plan.stored == null ? null : plan.stored.getString(this.group);
                if (group == null) {
                    continue;
                }
                List<?> before = plan.stored != null && plan.stored.get(field) instanceof List<?> l ? l : List.of();
                if (set.get(field) instanceof List<?> after) {
                    after.stream().filter(v -> v instanceof String && !before.contains(v)).distinct()
                            .forEach(v -> joined.add(new BureauArrivals.Joined(group, (String) v, plan.aggregate.id())));
                }
            }
            return joined;
        }
    }

    /** One aggregate's part of a batch, as planned against the sequence its document had applied. */
    private static final class Plan {
        final Aggregate aggregate;
        /** The aggregate's document as read (sequence, summarized fields), or null when it has none yet. */
        final Document stored;
        /** As stored, or null when the aggregate has no document yet. */
        final Object appliedSequence;
        /** The summary delta written with the aggregate's update (see {@link SummaryFolder}); empty: none. */
        List<Document> delta = List.of();
        /** The run of new events, each as its projections recorded it. */
        final List<Changes> folded = new ArrayList<>();
        /** Events of this batch ahead of a missing predecessor: to be held. */
        final List<Delivered> ahead = new ArrayList<>();
        /** Held events no longer to be held: applied now or before, or refused. */
        final List<EventEnvelope> forget = new ArrayList<>();
        final List<Refusal> refused = new ArrayList<>();

        Plan(Aggregate aggregate, Document stored) {
            this.aggregate = aggregate;
            this.stored = stored;
            this.appliedSequence = stored == null ? null : stored.get(LAST_SEQUENCE);
        }

        long lastApplied() {
            return appliedSequence == null ? NO_DOCUMENT : ((Number) appliedSequence).longValue();
        }

        long target() {
            return lastApplied() + folded.size();
        }
    }
}
