package io.consultdesk.query.dashboard;

import io.consultdesk.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** {@code GET /api/dashboard[?consultation=]}: the dashboards as JSON. */
@RestController
public class DashboardController {

    private final Dashboard dashboard;
    private final CurrentCaller caller;

    public DashboardController(Dashboard dashboard, CurrentCaller caller) {
        this.dashboard = dashboard;
        this.caller = caller;
    }

    @GetMapping("/api/dashboard")
    public DashboardView dashboard(@RequestParam(required = false) String consultation) {
        return dashboard.compute(consultation == null || consultation.isBlank() ? null : consultation, caller.get());
    }
}
