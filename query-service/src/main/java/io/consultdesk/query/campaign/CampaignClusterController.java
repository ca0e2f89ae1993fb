package io.consultdesk.query.campaign;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/consultations/{id}/clusters}: the consultation's campaign clusters, largest first. Clerks,
 * supervisors, auditors and administrators only: a cluster spans bureaus, and an official sees only its own
 * bureau's items.
 */
@RestController
public class CampaignClusterController {

    private final CampaignClusters clusters;

    public CampaignClusterController(CampaignClusters clusters) {
        this.clusters = clusters;
    }

    @GetMapping("/api/consultations/{id}/clusters")
    public List<CampaignCluster> clusters(@PathVariable String id) {
        return clusters.of(id);
    }
}
