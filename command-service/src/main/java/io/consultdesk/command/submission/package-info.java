/**
 * The submission: one comment, one row of the published table. Its aggregate holds the lifecycle
 * (received → assigned → decided → published; withdrawn, rejected, duplicate on the side) and refuses any
 * command that does not fit its state; its REST controller turns HTTP into commands.
 */
package io.consultdesk.command.submission;
