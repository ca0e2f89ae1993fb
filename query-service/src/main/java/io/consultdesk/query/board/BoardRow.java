package io.consultdesk.query.board;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consultdesk.query.presentation.ClauseOrder;
import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.query.submission.SubmissionProjection;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * One item as the board shows it, with its age and overdue flag worked out at an instant. Cited clauses in
 * document order. An item decided in the table it was imported with has no due date: it was never handled
 * here ({@code decisionImported}). Absent values are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BoardRow(String id, String consultationId, String state, String leadBureau, List<String> coBureaus,
                       List<String> bureaus, List<String> citedClauses, String submitterPublicName, String channel,
                       String opinion, String outcome, String reason, String decidedByBureau, Boolean decisionImported,
                       Integer rowNumber, Instant receivedAt, Instant assignedAt, Instant decidedAt, Instant dueAt,
                       Long ageDays, boolean overdue, Long version, List<RoutingBasis> routingBasis, Boolean triage,
                       String campaignClusterId, String campaignDecisionId, Proposal proposedDecision) {

    /** A cited clause and the units the catalogue named for it when the item was routed. */
    public record RoutingBasis(String clause, List<String> units) {
    }

    /** A campaign decision proposed to the item, until it is decided. */
    public record Proposal(String decisionId, String clusterId, String bureau, String outcome, String reason) {
    }

    /** The row of an item document at {@code now}. */
    public static BoardRow of(Document d, Instant now) {
        boolean imported = SubmissionProjection.decisionImported(d);
        Instant received = instant(d.getDate("receivedAt"));
        Instant due = imported ? null : instant(d.getDate("dueAt"));
        String state = d.getString("state");
        Number version = d.get("lastSequence", Number.class);
        return new BoardRow(d.getString("_id"), d.getString("consultationId"), state, d.getString("leadBureau"),
                list(d, "coBureaus"), list(d, "bureaus"), ClauseOrder.sorted(list(d, "citedClauses")),
                d.getString("submitterPublicName"), d.getString("channel"), d.getString("opinion"), d.getString("outcome"),
                d.getString("reason"), d.getString("decidedByBureau"), imported ? Boolean.TRUE : null,
                d.getInteger("rowNumber"), received, instant(d.getDate("assignedAt")), instant(d.getDate("decidedAt")), due,
                received == null ? null : Duration.between(received, now).toDays(),
                due != null && ItemStates.OPEN.contains(state) && due.isBefore(now),
                version == null ? null : version.longValue(),
                d.containsKey("routingBasis") ? basis(d) : null, d.getBoolean("triage"),
                blankToNull(d.getString("campaignClusterId")), d.getString("campaignDecisionId"), proposal(d));
    }

    private static Proposal proposal(Document d) {
        Document p = d.get(SubmissionProjection.PROPOSED_DECISION, Document.class);
        return p == null ? null : new Proposal(p.getString("decisionId"), p.getString("clusterId"), p.getString("bureau"),
                p.getString("outcome"), p.getString("reason"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The routing basis an item document holds (board pages leave it out: see {@link StatusBoard#routingBases}). */
    static List<RoutingBasis> basis(Document d) {
        return d.getList("routingBasis", Document.class, List.of()).stream()
                .map(b -> new RoutingBasis(b.getString("clause"), list(b, "units"))).toList();
    }

    private static List<String> list(Document d, String field) {
        return d.getList(field, String.class, List.of());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
