package io.consultdesk.command.audit;

import io.consultdesk.command.personaldata.PersonalDataVault;
import io.consultdesk.command.personaldata.SealedPersonalData;
import io.consultdesk.command.submission.Commands.EraseSubmitter;
import io.consultdesk.command.submission.Submission;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Erases a submitter: records the erasure on the item, then deletes the key once the event is stored. */
@Component
public class PersonalDataErasure {

    private final Repository<Submission> submissions;
    private final PersonalDataVault vault;

    public PersonalDataErasure(Repository<Submission> submissions, PersonalDataVault vault) {
        this.submissions = submissions;
        this.vault = vault;
    }

    @CommandHandler
    public void handle(EraseSubmitter command) {
        Aggregate<Submission> item = submissions.load(command.submissionId());
        SealedPersonalData sealed = item.invoke(Submission::sealedSubmitter);
        item.execute(s -> s.recordErasure(command));
        if (sealed != null) {
            // deleting the key after the fact is recorded: a failure here leaves a recorded erasure to retry, never a silent one
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().afterCommit(u -> vault.erase(sealed.keyId()));
        }
    }
}
