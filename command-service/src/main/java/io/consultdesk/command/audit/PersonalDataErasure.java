package io.consultdesk.command.audit;

import io.consultdesk.command.personaldata.KeyErasures;
import io.consultdesk.command.submission.Commands.EraseSubmitter;
import io.consultdesk.command.submission.Submission;
import io.consultdesk.command.submission.SubmitterErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases a submitter: notes the key as pending, records the erasure on the item (once; a repeated request
 * records nothing more), and answers the key's id so that the caller deletes it right after the commit.
 * Keys whose deletion failed are deleted by {@link #retryPendingDeletions} until done.
 */
@Component
public class PersonalDataErasure {

    private final Repository<Submission> submissions;
    private final KeyErasures keys;
    private final EventStore eventStore;

    public PersonalDataErasure(Repository<Submission> submissions, KeyErasures keys, EventStore eventStore) {
        this.submissions = submissions;
        this.keys = keys;
        this.eventStore = eventStore;
    }

    /** Returns the id of the key to delete, or null when the item has none. */
    @CommandHandler
    public String handle(EraseSubmitter command) {
        Aggregate<Submission> item = submissions.load(command.submissionId());
        String keyId = item.invoke(Submission::submitterKeyId);
        if (keyId != null) {
            keys.notePending(keyId, command.submissionId());
        }
        item.execute(s -> s.recordErasure(command));
        return keyId;
    }

    @Scheduled(fixedDelayString = "${consultdesk.personal-data.erasure-retry:60s}", initialDelayString = "${consultdesk.personal-data.erasure-retry:60s}")
    public void retryPendingDeletions() {
        keys.retryPending(this::erasureRecorded);
    }

    boolean erasureRecorded(String submissionId) {
        DomainEventStream events = eventStore.readEvents(submissionId);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof SubmitterErased) {
                return true;
            }
        }
        return false;
    }
}
