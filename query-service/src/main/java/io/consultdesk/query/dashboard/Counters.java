package io.consultdesk.query.dashboard;

import io.consultdesk.query.feed.Summary;
import org.bson.Document;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of one summary document (its {@code n}), read by path: what the dashboards, the consultation
 * list and the board's totals are made of. Absent counters are zero.
 */
public record Counters(Document n) {

    public static final Counters NONE = new Counters(new Document());

    public Counters {
        n = n == null ? new Document() : n;
    }

    /** The counter at a dot-separated path of already made-safe segments ({@code state.ASSIGNED}). */
    public long get(String path) {
        return at(path) instanceof Number number ? number.longValue() : 0L;
    }

    public long total() {
        return get("total");
    }

    /** The non-zero counters under a path (e.g. {@code state}) by the texts they count, in text order. */
    public Map<String, Integer> under(String path) {
        return nonZero(at(path));
    }

    /** The sub-counters under a path, e.g. {@code bureau} → one {@code Counters} per bureau, by its text. */
    public Map<String, Counters> each(String path) {
        Map<String, Counters> m = new TreeMap<>();
        if (at(path) instanceof Document d) {
            d.forEach((k, v) -> {
                if (v instanceof Document sub) {
                    m.put(Summary.text(k), new Counters(sub));
                }
            });
        }
        return m;
    }

    /** Open items due before {@code now}: the {@code due.<epoch ms>} counters of instants before it. */
    public int overdue(Instant now) {
        long late = 0;
        if (n.get("due") instanceof Document due) {
            for (Map.Entry<String, Object> e : due.entrySet()) {
                if (Long.parseLong(e.getKey()) < now.toEpochMilli() && e.getValue() instanceof Number number) {
                    late += number.longValue();
                }
            }
        }
        return (int) late;
    }

    private Object at(String path) {
        Object value = n;
        for (String part : path.split("\\.")) {
            value = value instanceof Document d ? d.get(part) : null;
        }
        return value;
    }

    static Map<String, Integer> nonZero(Object counters) {
        Map<String, Integer> m = new TreeMap<>();
        if (counters instanceof Document d) {
            d.forEach((k, v) -> {
                if (v instanceof Number number && number.longValue() != 0) {
                    m.put(Summary.text(k), number.intValue());
                }
            });
        }
        return m;
    }
}
