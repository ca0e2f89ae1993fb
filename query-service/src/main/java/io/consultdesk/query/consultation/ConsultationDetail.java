package io.consultdesk.query.consultation;

import java.util.List;
import java.util.Map;

/**
 * A consultation's page: its overview, rules and clause catalogue by chapter in document order, each clause
 * with its responsible units (the first leads) and how many items cite it. {@code outcomeClasses}: the class of
 * each outcome word (ACCEPTED, PARTLY, NOT_ACCEPTED, EXPLAINED).
 */
public record ConsultationDetail(ConsultationOverview overview, int catalogueVersion, List<String> outcomes,
                                 Map<String, String> outcomeClasses, int handlingWorkingDays, List<Chapter> chapters) {

    /** A chapter of the draft ({@code name} empty where the catalogue names none) and its clauses. */
    public record Chapter(String name, List<CatalogueClause> clauses) {
    }

    /** One clause: number, title, responsible units, items citing it and their outcomes, its text (empty when not carried). */
    public record CatalogueClause(String number, String title, List<String> responsibleUnits, int items,
                                  Map<String, Integer> outcomes, String text) {

        public CatalogueClause {
            text = text == null ? "" : text;
        }
    }
}
