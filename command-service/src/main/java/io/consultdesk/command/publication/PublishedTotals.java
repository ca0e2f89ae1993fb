package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeLexicon;
import io.consultdesk.command.consultation.OutcomeVocabulary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals of a version being published: only the words its rows use (a word no row uses is no total), in
 * the vocabulary's order, then any word since dropped from it; and each word's class, as its decision
 * recorded it (else as the vocabulary, else as the words ConsultDesk recognises, class it).
 */
final class PublishedTotals {

    private final OutcomeVocabulary vocabulary;
    private final Map<String, Integer> used = new LinkedHashMap<>();
    private final Map<String, OutcomeClass> classes = new LinkedHashMap<>();

    PublishedTotals(OutcomeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** One row decided with {@code outcome}; {@code recorded} its decision's class, null for a decision recorded before classes. */
    void count(String outcome, OutcomeClass recorded) {
        used.merge(outcome, 1, Integer::sum);
        classes.putIfAbsent(outcome, recorded != null ? recorded
                : vocabulary.classOf(outcome).orElse(OutcomeLexicon.classOrExplained(outcome)));
    }

    Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        vocabulary.words().stream().filter(used::containsKey).forEach(w -> totals.put(w, used.get(w)));
        used.forEach(totals::putIfAbsent);
        return totals;
    }

    /** The class of each word of {@link #totals()}, in the same order. */
    Map<String, OutcomeClass> classes() {
        Map<String, OutcomeClass> ordered = new LinkedHashMap<>();
        totals().keySet().forEach(w -> ordered.put(w, classes.get(w)));
        return ordered;
    }
}
