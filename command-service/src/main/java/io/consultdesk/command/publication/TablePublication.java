package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationRefused;
import io.consultdesk.command.consultation.TablePublished;
import io.consultdesk.command.kernel.NotAllowed;
import io.consultdesk.security.Roles;
import io.consultdesk.command.submission.Commands.PublishSubmission;
import io.consultdesk.command.submission.Submission;
import io.consultdesk.command.submission.SubmissionState;
import io.consultdesk.command.submission.UnknownConsultation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a consultation's table: every decided item becomes a row of a new version; withdrawn, rejected
 * and duplicate items are not published; undecided items refuse the whole publication unless the supervisor
 * leaves them out by name. Rows are numbered as {@link RowNumbers} says: an item imported from a table that
 * was already published keeps its 序号 there, the others follow in the order received. Totals count the
 * words the rows use, in the vocabulary's order, each with its class.
 */
@Component
public class TablePublication {

    public static final String DEFAULT_HEADING = "社会公众意见采纳情况表";

    private final Repository<Consultation> consultations;
    private final Repository<Submission> submissions;
    private final ConsultationItems items;

    public TablePublication(Repository<Consultation> consultations, Repository<Submission> submissions,
                            ConsultationItems items) {
        this.consultations = consultations;
        this.submissions = submissions;
        this.items = items;
    }

    @CommandHandler
    public TablePublished handle(PublishTable command) {
        if (!command.actor().hasRole(Roles.SUPERVISOR)) {
            throw new NotAllowed("only a supervisor may publish a consultation's table");
        }
        Aggregate<Consultation> consultation = load(command.consultationId());
        Set<String> leaveOut = command.leaveOut() == null ? Set.of() : command.leaveOut();
        List<Aggregate<Submission>> rows = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String id : items.inOrderReceived(command.consultationId())) {
            Aggregate<Submission> item = submissions.load(id);
            SubmissionState state = item.invoke(Submission::state);
            switch (state) {
                case DECIDED, PUBLISHED -> rows.add(item);
                case RECEIVED, ASSIGNED -> (leaveOut.contains(id) ? leftOut : undecided).add(id);
                default -> { } // withdrawn, rejected, duplicate: never published
            }
        }
        if (!undecided.isEmpty()) {
            throw new UndecidedItems(undecided);
        }
        if (rows.isEmpty()) {
            throw new ConsultationRefused("consultation " + command.consultationId() + " has no decided item to publish");
        }
        int version = consultation.invoke(Consultation::tableVersion) + 1;
        List<Integer> numbers = RowNumbers.assign(rows.stream().map(r -> r.invoke(Submission::id)).toList(),
                rows.stream().map(r -> r.invoke(Submission::publishedRowNumber)).toList());
        PublishedTotals totals = new PublishedTotals(consultation.invoke(Consultation::vocabulary));
        for (int i = 0; i < rows.size(); i++) {
            Aggregate<Submission> item = rows.get(i);
            int rowNumber = numbers.get(i);
            item.execute(s -> s.handle(new PublishSubmission(s.id(), command.consultationId(), version, rowNumber,
                    command.at(), command.actor())));
            totals.count(item.invoke(Submission::outcome), item.invoke(Submission::outcomeClass));
        }
        String heading = command.heading() == null || command.heading().isBlank() ? DEFAULT_HEADING : command.heading().strip();
        TablePublished published = new TablePublished(command.consultationId(), version, heading, rows.size(), totals.totals(),
                leftOut, command.at(), totals.classes());
        consultation.execute(c -> c.recordPublication(published));
        return published;
    }

    private Aggregate<Consultation> load(String consultationId) {
        try {
            Aggregate<Consultation> consultation = consultations.load(consultationId);
            consultation.invoke(Consultation::id);
            return consultation;
        } catch (AggregateNotFoundException e) {
            throw new UnknownConsultation(consultationId);
        }
    }

    /** Publication refused: these items are not decided yet. */
    public static class UndecidedItems extends ConsultationRefused {
        private final List<String> ids;

        public UndecidedItems(List<String> ids) {
            super(ids.size() + " item(s) are not decided yet: decide them, or leave them out by name ("
                    + String.join(", ", ids.subList(0, Math.min(20, ids.size()))) + (ids.size() > 20 ? ", …" : "") + ")");
            this.ids = List.copyOf(ids);
        }

        public List<String> ids() {
            return ids;
        }

        @Override
        public Map<String, Object> facts() {
            return Map.of("undecided", ids);
        }
    }
}
