package io.consultdesk.query.replay;

import io.consultdesk.query.feed.LiveViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Replays and generations of views, for auditors and administrators. */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private final Replay replay;
    private final LiveViews views;
    private final GenerationComparison comparison;

    public AdminController(Replay replay, LiveViews views, GenerationComparison comparison) {
        this.replay = replay;
        this.views = views;
        this.comparison = comparison;
    }

    @PostMapping("/replay")
    public ResponseEntity<?> start() {
        try {
            return ResponseEntity.accepted().location(URI.create("/api/admin/replay")).body(replay.start());
        } catch (IllegalStateException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
    }

    @GetMapping("/replay")
    public ResponseEntity<?> progress() {
        ReplayProgress progress = replay.progress();
        return progress == null
                ? ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no replay has run since this service started"))
                : ResponseEntity.ok(progress);
    }

    @GetMapping("/generations")
    public Map<String, Object> generations() {
        return Map.of("live", views.generation());
    }

    @GetMapping("/generations/comparison")
    public ResponseEntity<?> compare(@RequestParam String a, @RequestParam String b) {
        for (Map.Entry<String, String> generation : Map.of("a", a, "b", b).entrySet()) {
            Optional<ResponseEntity<?>> refused = unknown(generation.getKey(), generation.getValue());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return ResponseEntity.ok(comparison.compare(a, b));
    }

    @DeleteMapping("/generations/{generation}")
    public ResponseEntity<?> drop(@PathVariable String generation) {
        Optional<ResponseEntity<?>> refused = unknown("generation", generation);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            views.drop(generation);
            return ResponseEntity.ok(Map.of("dropped", generation));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
    }

    /** 400 unless the value names a generation (g1, g2 …), 404 unless that generation has collections. */
    private Optional<ResponseEntity<?>> unknown(String parameter, String generation) {
        if (!generation.matches("g\\d{1,6}")) {
            ProblemDetail bad = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": expected g1, g2 …");
            bad.setProperty("errors", List.of(Map.of("field", parameter, "message", "expected g1, g2 …")));
            return Optional.of(ResponseEntity.badRequest().body(bad));
        }
        boolean exists = generation.equals(views.generation()) || views.database().listCollectionNames()
                .into(new ArrayList<>()).stream().anyMatch(name -> name.endsWith("_" + generation));
        return exists ? Optional.empty() : Optional.of(ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, parameter + ": no generation " + generation)));
    }
}
