package io.consultdesk.query.pages;

import io.consultdesk.query.consultation.ConsultationDetail;
import io.consultdesk.query.consultation.ConsultationOverview;
import io.consultdesk.query.consultation.Consultations;
import io.consultdesk.query.presentation.ClauseOrder;
import io.consultdesk.security.Caller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the board's dropdowns offer, from the consultations' catalogues: the consultations, their bureaus (drafting
 * unit, then the responsible units in the order the catalogue names them), their clauses in document order and
 * their outcome words. With no consultation chosen, those of all of them.
 */
record FilterChoices(Map<String, String> consultations, List<String> bureaus, List<String> clauses, List<String> outcomes) {

    static FilterChoices of(Consultations consultations, String chosen, Caller caller) {
        Map<String, String> all = new LinkedHashMap<>();
        List<ConsultationOverview> listed = consultations.list(caller);
        listed.forEach(c -> all.put(c.id(), c.title() == null || c.title().isBlank() ? c.id() : c.title()));
        Set<String> bureaus = new LinkedHashSet<>();
        Set<String> clauses = new TreeSet<>(ClauseOrder.BY_NUMBER);
        Set<String> outcomes = new LinkedHashSet<>();
        List<String> ids = chosen != null && all.containsKey(chosen) ? List.of(chosen) : new ArrayList<>(all.keySet());
        for (String id : ids) {
            consultations.find(id, caller).ifPresent(c -> add(c, bureaus, clauses, outcomes));
        }
        bureaus.remove(null);
        bureaus.remove("");
        return new FilterChoices(all, List.copyOf(bureaus), List.copyOf(clauses), List.copyOf(outcomes));
    }

    /** A consultation's bureaus: its drafting unit, then the responsible units in the order its catalogue names them. */
    static List<String> bureausOf(ConsultationDetail c) {
        Set<String> bureaus = new LinkedHashSet<>();
        add(c, bureaus, new TreeSet<>(ClauseOrder.BY_NUMBER), new LinkedHashSet<>());
        bureaus.remove(null);
        bureaus.remove("");
        return List.copyOf(bureaus);
    }

    private static void add(ConsultationDetail c, Set<String> bureaus, Set<String> clauses, Set<String> outcomes) {
        bureaus.add(c.overview().draftingUnit());
        c.chapters().forEach(ch -> ch.clauses().forEach(cl -> {
            bureaus.addAll(cl.responsibleUnits());
            clauses.add(cl.number());
        }));
        outcomes.addAll(c.outcomes());
    }

    /** {@code values} shown as themselves, with {@code current} kept when it is not among them (a filter from a link). */
    static Map<String, String> options(List<String> values, String current) {
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach(v -> options.put(v, v));
        return options(options, current);
    }

    /** {@code options} with {@code current} kept when it is not among them. */
    static Map<String, String> options(Map<String, String> options, String current) {
        Map<String, String> kept = new LinkedHashMap<>(options);
        if (current != null && !kept.containsKey(current)) {
            kept.put(current, current);
        }
        return kept;
    }
}
