package io.consultdesk.query.board;

import com.mongodb.client.model.Filters;
import io.consultdesk.query.submission.ItemAccess;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.Caller;
import io.consultdesk.security.Roles;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which items a board query shows, in the two forms the board needs, side by side so that they stay one rule:
 * a query filter for the store ({@link #filter}), and a test of one item document in memory ({@link #matches}),
 * for pages read by key ({@link FirstPageByArrival}) where the store can answer only a lookup of keys.
 */
final class BoardCriteria {

    private final BoardFilter f;
    private final Caller caller;
    private final Instant now;

    BoardCriteria(BoardFilter filter, Caller caller, Instant now) {
        this.f = filter;
        this.caller = caller;
        this.now = now;
    }

    /** The filter for the store. */
    Bson filter() {
        List<Bson> and = new ArrayList<>();
        and.add(ItemAccess.filterFor(caller));
        if (f.consultation() != null) {
            and.add(Filters.eq("consultationId", f.consultation()));
        }
        if (f.state() != null) {
            and.add(Filters.eq("state", f.state()));
        }
        if (f.bureau() != null) {
            and.add(Filters.eq("bureaus", f.bureau()));
        }
        if (f.clause() != null) {
            and.add(Filters.eq("citedClauses", f.clause()));
        }
        if (f.outcome() != null) {
            and.add(Filters.eq("outcome", f.outcome()));
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            and.add(Filters.and(Filters.in("state", ItemStates.OPEN), Filters.lt("dueAt", Date.from(now))));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            and.add(Filters.or(Filters.nin("state", ItemStates.OPEN), Filters.gte("dueAt", Date.from(now))));
        }
        if (hasText()) {
            Pattern literal = Pattern.compile(Pattern.quote(f.text().strip()));
            and.add(Filters.or(Filters.regex("opinion", literal), Filters.regex("submitterPublicName", literal)));
        }
        return Filters.and(and);
    }

    /** Whether the store's filter would select this item document. */
    boolean matches(Document item) {
        return visible(item)
                && (f.consultation() == null || f.consultation().equals(item.get("consultationId")))
                && (f.state() == null || f.state().equals(item.get("state")))
                && (f.bureau() == null || holds(item.get("bureaus"), f.bureau()))
                && (f.clause() == null || holds(item.get("citedClauses"), f.clause()))
                && (f.outcome() == null || f.outcome().equals(item.get("outcome")))
                && (f.overdue() == null || f.overdue().equals(overdue(item)))
                && (!hasText() || contains(item.get("opinion")) || contains(item.get("submitterPublicName")));
    }

    private boolean visible(Document item) {
        if (caller.seesAllItems()) {
            return true;
        }
        return caller.hasRole(Roles.OFFICIAL) && !caller.bureau().isEmpty() && holds(item.get("bureaus"), caller.bureau());
    }

    /**
     * As the store reads "overdue": open with a due date before now. "Not overdue" is the store's negation of
     * {@code state in open and dueAt < now} written as {@code state not in open or dueAt >= now}, which an open
     * item without a due date satisfies neither way.
     */
    private Boolean overdue(Document item) {
        boolean open = ItemStates.OPEN.contains(item.getString("state"));
        Date due = item.getDate("dueAt");
        if (open && due != null && due.toInstant().isBefore(now)) {
            return true;
        }
        return !open || due != null ? false : null;
    }

    private boolean hasText() {
        return f.text() != null && !f.text().isBlank();
    }

    private boolean contains(Object field) {
        return field instanceof String s && s.contains(f.text().strip());
    }

    /** A field equals a value as the store reads it: an array holding it, or the value itself. */
    private static boolean holds(Object field, String value) {
        return field instanceof Collection<?> values ? values.contains(value) : value.equals(field);
    }
}
