/**
 * Campaign clusters: the near-copies command-service found on receipt ({@code SubmissionJoinedCampaign}), one
 * document per cluster with its representative and members, and one per consultation naming its clusters, so that
 * a consultation's clusters are read by key; {@code GET /api/consultations/{id}/clusters} lists them, largest first.
 */
package io.consultdesk.query.campaign;
