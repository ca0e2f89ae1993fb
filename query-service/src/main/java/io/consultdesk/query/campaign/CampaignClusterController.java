package io.consultdesk.query.campaign;

import io.consultdesk.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/consultations/{id}/clusters}: the consultation's campaign clusters, largest first. Clerks,
 * supervisors, auditors and administrators only: a cluster spans bureaus, and an official sees only its own
 * bureau's items. {@code GET /api/consultations/{id}/clusters/{clusterId}}: one cluster with its members' states,
 * for any staff — an official gets the members its bureau leads, the ones it decides.
 */
@RestController
public class CampaignClusterController {

    private final CampaignClusters clusters;
    private final CurrentCaller caller;

    public CampaignClusterController(CampaignClusters clusters, CurrentCaller caller) {
        this.clusters = clusters;
        this.caller = caller;
    }

    @GetMapping("/api/consultations/{id}/clusters")
    public List<CampaignCluster> clusters(@PathVariable String id) {
        return clusters.of(id);
    }

    @GetMapping("/api/consultations/{id}/clusters/{clusterId}")
    public ResponseEntity<?> cluster(@PathVariable String id, @PathVariable String clusterId) {
        return clusters.detail(id, clusterId, caller.get()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "consultation " + id + " has no campaign cluster '" + clusterId + "' (yet)")));
    }
}
