package io.consultdesk.query.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** An item's (or a consultation's) timeline, event by event. */
@RestController
public class HistoryController {

    private final Timelines timelines;

    public HistoryController(Timelines timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/api/submissions/{id}/history")
    public ResponseEntity<?> history(@PathVariable String id) {
        List<TimelineEntry> events = timelines.of(id);
        if (events.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no history for '" + id + "' (yet)"));
        }
        return ResponseEntity.ok(events);
    }
}
