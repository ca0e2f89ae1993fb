package io.consultdesk.command.submission;

import io.consultdesk.command.routing.Routing.RoutingBasis;
import io.consultdesk.command.publishedlanguage.EventName;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The submission was routed to its bureaus. {@code basis} lists each cited clause with the units it named;
 * {@code triage} says the drafting unit took it because nothing cited named a unit. The lead bureau is to
 * decide by {@code dueAt}, {@code handlingWorkingDays} working days after assignment counted in {@code timeZone}
 * (its consultation's; absent in events stored before it was recorded, which counted in Asia/Shanghai).
 */
@EventName("SubmissionAssigned")
@Revision("1")
public record SubmissionAssigned(
        String submissionId,
        String leadBureau,
        List<String> coBureaus,
        List<RoutingBasis> basis,
        boolean triage,
        int catalogueVersion,
        Instant assignedAt,
        int handlingWorkingDays,
        Instant dueAt,
        String timeZone) {
}
