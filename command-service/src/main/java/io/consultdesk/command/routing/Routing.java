package io.consultdesk.command.routing;

import java.util.List;

/**
 * Who handles a comment and why: the lead bureau, co-handling bureaus, and for each cited clause the units
 * it contributed. {@code triage} is true when nothing cited named a unit and the drafting unit takes it.
 */
public record Routing(String leadBureau, List<String> coBureaus, List<RoutingBasis> basis, boolean triage) {

    public Routing {
        coBureaus = List.copyOf(coBureaus);
        basis = List.copyOf(basis);
    }

    /** One line of the reasons: clause （三） named these units (empty when its units are unknown). */
    public record RoutingBasis(String clause, List<String> units) {
        public RoutingBasis {
            units = List.copyOf(units);
        }
    }
}
