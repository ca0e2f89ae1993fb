package io.consultdesk.command.consultation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consultation's outcome words, in order, each with its class. A word is found at the start of a
 * 采纳情况 cell when it is the longest word that starts it; a one-character word (是, 否) only when
 * nothing but punctuation or white space follows it, so that 是否… is no 是.
 */
public final class OutcomeVocabulary {

    private static final String BOUNDARY = "，。；：、,.;:！!？?）) \n\t\u3000";

    private final Map<String, OutcomeClass> words;

    private OutcomeVocabulary(Map<String, OutcomeClass> words) {
        this.words = words;
    }

    public static OutcomeVocabulary of(List<OutcomeWord> words) {
        Map<String, OutcomeClass> map = new LinkedHashMap<>();
        words.forEach(w -> map.putIfAbsent(w.word(), w.outcomeClass()));
        return new OutcomeVocabulary(map);
    }

    /** Words without a class of their own: classed by {@link OutcomeLexicon}, {@link OutcomeClass#EXPLAINED} when it does not know them. */
    public static OutcomeVocabulary classing(Collection<String> words) {
        return of(words.stream().map(w -> new OutcomeWord(w, OutcomeLexicon.classOrExplained(w))).toList());
    }

    public List<String> words() {
        return List.copyOf(words.keySet());
    }

    public List<OutcomeWord> entries() {
        List<OutcomeWord> list = new ArrayList<>();
        words.forEach((w, c) -> list.add(new OutcomeWord(w, c)));
        return list;
    }

    public boolean contains(String word) {
        return words.containsKey(word);
    }

    public Optional<OutcomeClass> classOf(String word) {
        return Optional.ofNullable(words.get(word));
    }

    /** This vocabulary with one more word at its end (itself when it has the word). */
    public OutcomeVocabulary with(OutcomeWord word) {
        if (contains(word.word())) {
            return this;
        }
        Map<String, OutcomeClass> map = new LinkedHashMap<>(words);
        map.put(word.word(), word.outcomeClass());
        return new OutcomeVocabulary(map);
    }

    /**
     * The word that starts {@code cell}: the longest of this vocabulary's, else of the words
     * {@link OutcomeLexicon} knows (which an import may adopt). Empty when neither has one.
     */
    public Optional<OutcomeWord> startOf(String cell) {
        Optional<String> own = longestStarting(cell, words.keySet());
        Optional<String> known = longestStarting(cell, OutcomeLexicon.words());
        if (own.isPresent() && (known.isEmpty() || own.get().length() >= known.get().length())) {
            return own.map(w -> new OutcomeWord(w, words.get(w)));
        }
        return known.map(w -> new OutcomeWord(w, OutcomeLexicon.classOf(w).orElseThrow()));
    }

    private static Optional<String> longestStarting(String cell, Iterable<String> candidates) {
        String best = null;
        for (String word : candidates) {
            if (cell.startsWith(word) && (best == null || word.length() > best.length()) && bounded(cell, word)) {
                best = word;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean bounded(String cell, String word) {
        return word.codePointCount(0, word.length()) > 1 || cell.length() == word.length()
                || BOUNDARY.indexOf(cell.charAt(word.length())) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeVocabulary v && v.words.equals(words) && v.entries().equals(entries());
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return words.keySet().toString();
    }
}
