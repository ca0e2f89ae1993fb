package io.consultdesk.command.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns cited clauses into bureaus: the union of the cited clauses' responsible units, led by the first
 * unit of the first cited clause that has any; with no citation, or none with known units, the drafting
 * unit handles the comment (triage).
 */
public final class Router {

    private Router() {
    }

    public static Routing route(List<ClauseNumber> cited, ClauseCatalogue catalogue, String draftingUnit) {
        Set<String> units = new LinkedHashSet<>();
        List<Routing.RoutingBasis> basis = new ArrayList<>();
        for (ClauseNumber clause : cited) {
            List<String> named = catalogue.find(clause).map(Clause::responsibleUnits).orElse(List.of());
            basis.add(new Routing.RoutingBasis(clause.toString(), named));
            units.addAll(named);
        }
        if (units.isEmpty()) {
            return new Routing(draftingUnit, List.of(), basis, true);
        }
        List<String> ordered = new ArrayList<>(units);
        return new Routing(ordered.get(0), ordered.subList(1, ordered.size()), basis, false);
    }
}
