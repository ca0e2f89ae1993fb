/**
 * The status board: every item with its state, bureaus, cited clauses, masked submitter, times, due date
 * and overdue flag, filtered, sorted and paged on indexed fields — and as it stood at any past instant.
 */
package io.consultdesk.query.board;
