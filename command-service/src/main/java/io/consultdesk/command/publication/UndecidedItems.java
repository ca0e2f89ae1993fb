package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.ConsultationRefused;

import java.util.List;
import java.util.Map;

/**
 * Publication refused: items are not decided yet. Names the first {@value #NAMED} of them in the order received
 * (a million ids would not fit an answer) and counts them all.
 */
public class UndecidedItems extends ConsultationRefused {

    /** How many of the undecided items the refusal names. */
    public static final int NAMED = 100;

    private final List<String> first;
    private final long count;

    public UndecidedItems(List<String> first, long count) {
        super(count + " item(s) are not decided yet: decide them, or leave them out by name ("
                + String.join(", ", first.subList(0, Math.min(20, first.size()))) + (count > 20 ? ", …" : "") + ")");
        this.first = List.copyOf(first);
        this.count = count;
    }

    /** The first undecided items, at most {@value #NAMED}. */
    public List<String> ids() {
        return first;
    }

    public long count() {
        return count;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("undecided", first, "undecidedCount", count);
    }
}
