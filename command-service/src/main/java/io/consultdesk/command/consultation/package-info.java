/**
 * The consultation: a draft put out for comment, with its drafting unit (the triage desk), deadline, clause
 * catalogue (amendable, versioned), outcome vocabulary (words, each of a class: accepted, partly, not accepted,
 * explained; the words ConsultDesk recognises in {@link io.consultdesk.command.consultation.OutcomeLexicon}),
 * masking policy and handling deadline; opened, amended, closed, and publishing versions of its table.
 */
package io.consultdesk.command.consultation;
