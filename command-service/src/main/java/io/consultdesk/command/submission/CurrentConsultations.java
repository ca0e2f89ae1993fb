package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.Consultation;
import io.consultdesk.command.consultation.ConsultationRules;
import io.consultdesk.command.consultation.OutcomeWord;
import io.consultdesk.command.eventstore.StoredAggregates;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consultation rules an item's command works with, read without holding the consultation's lock.
 * Loading the consultation through its repository locks it until the command's unit of work ends, so every
 * comment on a consultation would wait for the one before it. Instead the rules are kept with the version
 * they were read at, and are current as long as the store holds no next event of the consultation — one
 * lookup through the unique (aggregate, sequence) index. Only when it does is the consultation loaded again.
 * A comment that arrives at the very moment the consultation closes may be taken in as if just before.
 * <p>
 * With several instances of command-service, this instance's cached copy of the consultation aggregate may
 * be older than the store (another instance amended or closed it), and nothing would correct it: a command
 * on an item reads the consultation without appending to it, so no clash ever reveals the stale copy. So
 * whenever the rules are read again, the cached copy is dropped first and the consultation read from the
 * store — once per change of the consultation, per instance.
 */
public final class CurrentConsultations {

    private record Known(ConsultationRules rules, long version) {
    }

    private final Repository<Consultation> consultations;
    private final Cache cachedConsultations;
    private final StoredAggregates stored;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** For a repository that caches no consultation. */
    public CurrentConsultations(Repository<Consultation> consultations, StoredAggregates stored) {
        this(consultations, NoCache.INSTANCE, stored);
    }

    /** {@code cachedConsultations}: the cache of the consultations' repository. */
    public CurrentConsultations(Repository<Consultation> consultations, Cache cachedConsultations, StoredAggregates stored) {
        this.consultations = consultations;
        this.cachedConsultations = cachedConsultations;
        this.stored = stored;
    }

    /**
     * Adds a word an import met to the consultation's vocabulary, under the consultation's lock (this one
     * command appends to it); the rules are read again at the next use, since the store then has a newer event.
     */
    public void adopt(String consultationId, OutcomeWord word, String file, Instant at) {
        consultations.load(consultationId).execute(c -> c.adopt(word, file, at));
    }

    /**
     * The consultation's rules. Outside a command (a request checking them before it sends one) the consultation is
     * read in a unit of work of its own, as its repository requires.
     */
    public ConsultationRules rules(String consultationId) {
        if (!CurrentUnitOfWork.isStarted()) {
            var read = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> rules(consultationId));
            if (read.isExceptional()) {
                throw read.exceptionResult() instanceof RuntimeException e ? e : new IllegalStateException(read.exceptionResult());
            }
            return read.getPayload();
        }
        Known cached = known.get(consultationId);
        if (cached != null && !stored.hasEvent(consultationId, cached.version() + 1)) {
            return cached.rules();
        }
        cachedConsultations.remove(consultationId); // possibly older than the store: see above
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
