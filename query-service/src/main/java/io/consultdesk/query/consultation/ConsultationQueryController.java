package io.consultdesk.query.consultation;

import io.consultdesk.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/consultations} and {@code /api/consultations/{id}}: the consultations, with counts and catalogue. */
@RestController
public class ConsultationQueryController {

    private final Consultations consultations;
    private final CurrentCaller caller;

    public ConsultationQueryController(Consultations consultations, CurrentCaller caller) {
        this.consultations = consultations;
        this.caller = caller;
    }

    @GetMapping("/api/consultations")
    public List<ConsultationOverview> list() {
        return consultations.list(caller.get());
    }

    @GetMapping("/api/consultations/{id}")
    public ResponseEntity<?> find(@PathVariable String id) {
        return consultations.find(id, caller.get()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no consultation with id '" + id + "' (yet)")));
    }
}
