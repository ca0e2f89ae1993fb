package io.consultdesk.query.submission;

import com.mongodb.client.model.Filters;
import io.consultdesk.query.feed.LiveViews;
import io.consultdesk.query.feed.SummaryFolder;
import io.consultdesk.query.presentation.ClauseOrder;
import io.consultdesk.security.CurrentCaller;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** One item's current state, as the read side knows it. */
@RestController
@RequestMapping("/api/submissions")
public class SubmissionQueryController {

    private final LiveViews views;
    private final CurrentCaller caller;

    public SubmissionQueryController(LiveViews views, CurrentCaller caller) {
        this.views = views;
        this.caller = caller;
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> find(@PathVariable String id) {
        Document item = views.collection(SubmissionProjection.COLLECTION).find(Filters.and(Filters.eq("_id", id), ItemAccess.filterFor(caller.get()))).first();
        if (item == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no item with id '" + id + "' (yet)"));
        }
        item.put("id", item.remove("_id"));
        item.put("version", item.remove("lastSequence"));
        item.remove(SummaryFolder.OWED); // the feed's bookkeeping, not the item's
        item.put("decisionImported", SubmissionProjection.decisionImported(item));
        item.remove(SubmissionProjection.RECEIVED_CORRELATION);
        item.remove(SubmissionProjection.DECISION_CORRELATION);
        item.put("citedClauses", ClauseOrder.sorted(item.getList("citedClauses", String.class, List.of())));
        return ResponseEntity.ok(item);
    }
}
