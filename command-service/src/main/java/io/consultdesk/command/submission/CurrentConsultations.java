package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationRules;
import io.consultdesk.command.eventstore.StoredAggregates;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consultation rules an item's command works with, read without holding the consultation's lock.
 * Loading the consultation through its repository locks it until the command's unit of work ends, so every
 * comment on a consultation would wait for the one before it. Instead the rules are kept with the version
 * they were read at, and are current as long as the store holds no next event of the consultation — one
 * lookup through the unique (aggregate, sequence) index. Only when it does is the consultation loaded again.
 * A comment that arrives at the very moment the consultation closes may be taken in as if just before.
 */
public final class CurrentConsultations {

    private record Known(ConsultationRules rules, long version) {
    }

    private final Repository<Consultation> consultations;
    private final StoredAggregates stored;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public CurrentConsultations(Repository<Consultation> consultations, StoredAggregates stored) {
        this.consultations = consultations;
        this.stored = stored;
    }

    public ConsultationRules rules(String consultationId) {
        Known cached = known.get(consultationId);
        if (cached != null && !stored.hasEvent(consultationId, cached.version() + 1)) {
            return cached.rules();
        }
        Aggregate<Consultation> consultation;
        try {
            consultation = consultations.load(consultationId);
        } catch (AggregateNotFoundException e) {
            throw new UnknownConsultation(consultationId);
        }
        ConsultationRules rules = consultation.invoke(Consultation::rules);
        known.put(consultationId, new Known(rules, consultation.version()));
        return rules;
    }
}
