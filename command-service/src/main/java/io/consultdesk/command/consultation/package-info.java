/**
 * The consultation: a draft put out for comment, with its drafting unit (the triage desk), deadline, clause
 * catalogue (amendable, versioned), outcome vocabulary and handling deadline; opened, amended, closed, and
 * publishing versions of its table.
 */
package io.consultdesk.command.consultation;
