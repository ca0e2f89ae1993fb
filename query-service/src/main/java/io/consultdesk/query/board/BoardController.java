package io.consultdesk.query.board;

import io.consultdesk.query.submission.ItemStates;
import io.consultdesk.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** {@code GET /api/board}: the status board, as JSON. */
@RestController
public class BoardController {

    private final StatusBoard board;
    private final CurrentCaller caller;

    public BoardController(StatusBoard board, CurrentCaller caller) {
        this.board = board;
        this.caller = caller;
    }

    @GetMapping("/api/board")
    public ResponseEntity<?> board(BoardParams params) {
        try {
            return ResponseEntity.ok(board.query(params.toFilter(50), caller.get()));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    /** The board's query parameters, as the JSON API and the board page both take them. */
    public record BoardParams(String consultation, String state, String bureau, String clause, String outcome,
                              Boolean overdue, String q, String sort, Integer page, Integer size, String asOf) {

        /** Checks and assembles a filter; a bad parameter fails naming it. */
        public BoardFilter toFilter(int defaultSize) {
            return parse(consultation, state, bureau, clause, outcome, overdue, q, sort,
                    page == null ? 0 : page, size == null ? defaultSize : size, asOf);
        }
    }

    /** Checks and assembles a filter; a bad parameter fails naming it. */
    static BoardFilter parse(String consultation, String state, String bureau, String clause, String outcome,
                             Boolean overdue, String q, String sort, int page, int size, String asOf) {
        if (page < 0) {
            throw new IllegalArgumentException("page: must be 0 or more");
        }
        if (size < 1 || size > BoardFilter.MAX_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + BoardFilter.MAX_SIZE);
        }
        if (state != null && !ItemStates.ALL.contains(state)) {
            throw new IllegalArgumentException("state: '" + state + "' is not a state");
        }
        if (sort != null && !sort.isBlank() && !StatusBoard.SORTABLE.contains(sort.replaceFirst("^-", ""))) {
            throw new IllegalArgumentException("sort: must be one of " + StatusBoard.SORTABLE + " (prefix - for descending)");
        }
        if (q != null && q.length() > 200) {
            throw new IllegalArgumentException("q: at most 200 characters");
        }
        Instant at = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                at = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("asOf: not an ISO-8601 instant such as 2024-09-16T00:00:00Z");
            }
        }
        return new BoardFilter(blankToNull(consultation), blankToNull(state), blankToNull(bureau), blankToNull(clause),
                blankToNull(outcome), overdue, blankToNull(q), sort, page, size, at);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ResponseEntity<ProblemDetail> badRequest(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "query";
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }
}
