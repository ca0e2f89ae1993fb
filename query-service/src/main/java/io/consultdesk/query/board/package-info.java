/**
 * The status board: every item as a {@link io.consultdesk.query.board.BoardRow} — state, bureaus, cited clauses in
 * document order, masked submitter, times, due date and overdue flag — filtered, sorted and paged on indexed
 * fields or read by key in order of arrival; and as it stood at any past instant, each item folded from its
 * history by the item projection's own code, a page of items at a time.
 */
package io.consultdesk.query.board;
