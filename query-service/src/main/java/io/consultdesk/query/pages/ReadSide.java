package io.consultdesk.query.pages;

import io.consultdesk.query.board.StatusBoard;
import io.consultdesk.security.Caller;

import java.util.function.BooleanSupplier;

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
        await(() -> {
            Long now = board.item(id, caller).map(r -> r.version()).orElse(null);
            return now != null && now > seen;
        });
    }

    /** Returns once {@code applied} says the read side has the change, or after the wait. */
    static void await(BooleanSupplier applied) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (applied.getAsBoolean()) {
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
