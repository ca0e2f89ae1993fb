/**
 * Mass campaigns: near-copies of one comment (a template sent by many, names and a few words changed) found on
 * receipt within a consultation. The opinion text is normalised, cut into character shingles and reduced to a
 * MinHash signature; LSH bands of the signature are looked up by key to find the clusters a comment may belong
 * to, and the estimated similarity to each cluster's representative decides. Pure text code (normalising,
 * shingles, signatures, bands) depends on nothing; {@link io.consultdesk.command.campaign.CampaignIndex} keeps
 * the bands and the representatives' signatures in MongoDB, by key only.
 */
package io.consultdesk.command.campaign;
