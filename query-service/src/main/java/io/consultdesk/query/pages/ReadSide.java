package io.consultdesk.query.pages;

import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.security.Caller;

/**
 * Waits, briefly, until the read side has applied a command just accepted, so that the page shown after it
 * already shows the change (the feed usually takes well under a second). Past the wait the page is shown anyway.
 */
final class ReadSide {

    private static final long WAIT_NANOS = 5_000_000_000L;

    private final StatusBoard board;

    ReadSide(StatusBoard board) {
        this.board = board;
    }

    /** Returns once the item's version is beyond {@code seen} (the version the page showed), or after the wait. */
    void awaitBeyond(String id, Long seen, Caller caller) {
        if (seen == null) {
            return;
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            Long now = board.item(id, caller).map(r -> r.version()).orElse(null);
            if (now != null && now > seen) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
