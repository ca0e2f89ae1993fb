package io.consultdesk.query.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.consultdesk.query.feed.LiveViews;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** An item's (or a consultation's) timeline, event by event. */
@RestController
public class HistoryController {

    private final LiveViews views;

    public HistoryController(LiveViews views) {
        this.views = views;
    }

    @GetMapping("/api/submissions/{id}/history")
    public ResponseEntity<?> history(@PathVariable String id) {
        List<Document> events = timeline(id);
        if (events.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no history for '" + id + "' (yet)"));
        }
        return ResponseEntity.ok(events);
    }

    public List<Document> timeline(String aggregateId) {
        List<Document> events = new ArrayList<>();
        views.collection(HistoryProjection.COLLECTION).find(Filters.eq("aggregateId", aggregateId))
                .sort(Sorts.ascending("sequence"))
                .forEach(d -> {
                    d.put("eventId", d.remove("_id"));
                    events.add(d);
                });
        return events;
    }
}
