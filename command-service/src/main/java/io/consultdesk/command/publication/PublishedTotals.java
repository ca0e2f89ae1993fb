package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.OutcomeClass;
import io.consultdesk.command.consultation.OutcomeLexicon;
import io.consultdesk.command.consultation.OutcomeVocabulary;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals of a version being published: only the words its rows use (a word no row uses is no total), in
 * the vocabulary's order, then any word since dropped from it, by the first row (序号) that uses it; and each
 * word's class, as the decision of its first row recorded it (else as the vocabulary, else as the words
 * ConsultDesk recognises, class it). Rows are counted as their publication answers, in any order and from
 * several threads: the result is the same whatever the order.
 */
final class PublishedTotals {

    private record Use(int count, int firstRow, OutcomeClass firstClass) {
    }

    private final OutcomeVocabulary vocabulary;
    private final Map<String, Use> used = new HashMap<>();

    PublishedTotals(OutcomeVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Row {@code rowNumber} decided with {@code outcome}; {@code recorded} its decision's class, null for a decision recorded before classes. */
    synchronized void count(String outcome, OutcomeClass recorded, int rowNumber) {
        OutcomeClass cls = recorded != null ? recorded : vocabulary.classOf(outcome).orElse(OutcomeLexicon.classOrExplained(outcome));
        used.merge(outcome, new Use(1, rowNumber, cls), (a, b) -> a.firstRow() <= b.firstRow()
                ? new Use(a.count() + 1, a.firstRow(), a.firstClass())
                : new Use(a.count() + 1, b.firstRow(), b.firstClass()));
    }

    synchronized int rows() {
        return used.values().stream().mapToInt(Use::count).sum();
    }

    synchronized Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        vocabulary.words().stream().filter(used::containsKey).forEach(w -> totals.put(w, used.get(w).count()));
        used.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().firstRow()))
                .forEach(e -> totals.putIfAbsent(e.getKey(), e.getValue().count()));
        return totals;
    }

    /** The class of each word of {@link #totals()}, in the same order. */
    synchronized Map<String, OutcomeClass> classes() {
        Map<String, OutcomeClass> ordered = new LinkedHashMap<>();
        totals().keySet().forEach(w -> ordered.put(w, used.get(w).firstClass()));
        return ordered;
    }
}
