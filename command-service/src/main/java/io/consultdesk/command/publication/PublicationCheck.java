package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.kernel.SubmissionState;
import io.consultdesk.command.submission.Submission;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The first pass of a publication: walks the consultation's items by key, a page at a time, reading each
 * item (nothing is written) to find the rows of the version and their 序号, the undecided items — each refuses
 * the publication unless left out by name — and kept 序号 that two rows claim. Decided and published items
 * are rows; withdrawn, rejected and duplicate items are not published. Per row only numbers are kept.
 */
final class PublicationCheck {

    private final ConsultationItems items;
    private final Repository<Submission> submissions;

    PublicationCheck(ConsultationItems items, Repository<Submission> submissions) {
        this.items = items;
        this.submissions = submissions;
    }

    /**
     * The plan of version {@code version}, over the items received up to {@code upTo}. Rows already published
     * in this version (a resumed publication) keep their 序号. {@code refusing}: whether undecided items (not
     * left out) and a version without rows refuse; a resumed publication, started already, publishes what is
     * decided and leaves the rest out.
     */
    PublicationPlan check(String consultationId, int version, long upTo, Set<String> leaveOut, boolean refusing) {
        Rows rows = new Rows();
        SeenItems seen = new SeenItems();
        List<String> undecided = new ArrayList<>();
        long[] undecidedCount = {0};
        List<String> leftOut = new ArrayList<>();
        items.walk(consultationId, upTo, page -> {
            reading(() -> {
                for (ConsultationItems.Arrival arrival : page) {
                    if (!seen.add(arrival.submissionId())) {
                        continue;
                    }
                    Submission item = read(arrival.submissionId());
                    if (item == null) {
                        continue; // listed, but its receipt was never stored
                    }
                    switch (item.state()) {
                        case DECIDED, PUBLISHED -> rows.add(arrival.number(), arrival.receivedAtMillis(),
                                item.publishedRowNumber() == null ? 0 : item.publishedRowNumber(), item.rowNumberIn(version));
                        case RECEIVED, ASSIGNED -> {
                            if (leaveOut.contains(item.id())) {
                                leftOut.add(item.id());
                            } else if (undecidedCount[0]++ < UndecidedItems.NAMED) {
                                undecided.add(item.id());
                            }
                        }
                        default -> { } // withdrawn, rejected, duplicate: never published
                    }
                }
            });
        });
        if (refusing && undecidedCount[0] > 0) {
            throw new UndecidedItems(undecided, undecidedCount[0]);
        }
        if (refusing && rows.size == 0) {
            throw new ConsultationRefused("consultation " + consultationId + " has no decided item to publish");
        }
        int[] clashes = RowNumbers.clashes(rows.kept, rows.size);
        if (clashes.length > 0) {
            throw clashing(consultationId, upTo, clashes);
        }
        int[] numbers = RowNumbers.assign(rows.receivedAt, rows.kept, rows.size);
        RowNumbers.keepPublished(numbers, rows.published, rows.size);
        return new PublicationPlan(upTo, rows.arrivals, numbers, rows.size, leftOut);
    }

    /**
     * Runs {@code reads} in a unit of work of its own, as loading an item requires; it changes nothing, and its
     * end releases the items it loaded (a page's worth).
     */
    static void reading(Runnable reads) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            reads.run();
        } catch (RuntimeException e) {
            unit.rollback(e);
            throw e;
        }
        unit.commit();
    }

    private Submission read(String id) {
        try {
            Aggregate<Submission> item = submissions.load(id);
            return item.invoke(s -> s);
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    /** Names the items holding each clashing 序号: a second walk, only on the way to a refusal. */
    private ConsultationRefused clashing(String consultationId, long upTo, int[] clashes) {
        List<String> lines = new ArrayList<>();
        List<List<String>> holders = new ArrayList<>();
        for (int ignored : clashes) {
            holders.add(new ArrayList<>());
        }
        SeenItems seen = new SeenItems();
        items.walk(consultationId, upTo, page -> {
            reading(() -> {
                for (ConsultationItems.Arrival arrival : page) {
                    Submission item = seen.add(arrival.submissionId()) ? read(arrival.submissionId()) : null;
                    if (item != null && item.publishedRowNumber() != null
                            && (item.state() == SubmissionState.DECIDED
                            || item.state() == SubmissionState.PUBLISHED)) {
                        int i = Arrays.binarySearch(clashes, item.publishedRowNumber());
                        if (i >= 0) {
                            holders.get(i).add(item.id());
                        }
                    }
                }
            });
        });
        for (int i = 0; i < clashes.length; i++) {
            lines.add("序号 " + clashes[i] + " is held by " + String.join(" and ", holders.get(i)));
        }
        return new ConsultationRefused("two imported rows keep the same 序号: " + String.join("; ", lines)
                + ". Withdraw or mark as duplicate all but one of each, then publish");
    }

    /** Growing arrays of numbers, one entry per row. */
    private static final class Rows {
        long[] arrivals = new long[1024];
        long[] receivedAt = new long[1024];
        int[] kept = new int[1024];
        int[] published = new int[1024];
        int size;

        void add(long arrival, long receivedAtMillis, int keptNumber, int publishedNumber) {
            if (size == arrivals.length) {
                int bigger = size * 2;
                arrivals = Arrays.copyOf(arrivals, bigger);
                receivedAt = Arrays.copyOf(receivedAt, bigger);
                kept = Arrays.copyOf(kept, bigger);
                published = Arrays.copyOf(published, bigger);
            }
            arrivals[size] = arrival;
            receivedAt[size] = receivedAtMillis;
            kept[size] = keptNumber;
            published[size] = publishedNumber;
            size++;
        }
    }
}
