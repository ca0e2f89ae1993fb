package io.consultdesk.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.query.feed.EventEnvelope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A submission's events as the feed receives them, varied by its id: one of three consultations, one or two of
 * four bureaus (one with a dot in its name), two clauses, outcomes, due dates before and after 20 September
 * 2024; received (0), assigned (1), then withdrawn for one in five or decided (2), then revised (3…).
 */
public final class SampleItemEvents {

    public static final List<String> BUREAUS = List.of("甲局", "乙局", "丙局", "丁.局");
    public static final List<String> OUTCOMES = List.of("采纳", "部分采纳", "不采纳");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private SampleItemEvents() {
    }

    /** The item's event at {@code sequence}. */
    public static EventEnvelope event(String item, long sequence) {
        int i = Math.abs(item.hashCode());
        String consultation = "c" + (i % 3);
        String lead = BUREAUS.get(i % BUREAUS.size());
        String co = BUREAUS.get((i / 7) % BUREAUS.size());
        String outcome = OUTCOMES.get((int) ((i / 3 + sequence) % OUTCOMES.size()));
        String due = i % 2 == 0 ? "2024-09-13T15:59:59Z" : "2024-09-23T15:59:59Z";
        String type;
        String payload;
        if (sequence == 0) {
            type = "SubmissionReceived";
            payload = """
                    {"submissionId":"%s","consultationId":"%s","submitterKind":"PERSON","submitterPublicName":"陈*天",
                     "opinion":"o","channel":"WEB","receivedAt":"2024-09-02T01:00:00Z",
                     "citedClauses":["（%d）","（%d.1）"],"citedChapters":[]}""".formatted(item, consultation, i % 5, i % 4);
        } else if (sequence == 1) {
            type = "SubmissionAssigned";
            payload = """
                    {"submissionId":"%s","leadBureau":"%s","coBureaus":%s,"basis":[],"triage":false,"catalogueVersion":1,
                     "assignedAt":"2024-09-02T0%d:00:00Z","handlingWorkingDays":15,"dueAt":"%s"}"""
                    .formatted(item, lead, co.equals(lead) ? "[]" : "[\"" + co + "\"]", i % 10, due);
        } else if (sequence == 2 && i % 5 == 0) {
            type = "SubmissionWithdrawn";
            payload = "{\"submissionId\":\"" + item + "\",\"reason\":\"r\",\"withdrawnAt\":\"2024-09-04T00:00:00Z\"}";
        } else if (sequence == 2) {
            type = "SubmissionDecided";
            payload = """
                    {"submissionId":"%s","outcome":"%s","reason":"。","decidedByBureau":"%s","decidedAt":"2024-09-0%dT01:00:00Z"}"""
                    .formatted(item, outcome, lead, 3 + i % 6);
        } else {
            type = "SubmissionDecisionRevised";
            payload = """
                    {"submissionId":"%s","revision":%d,"outcome":"%s","reason":"改","decidedByBureau":"%s","revisedAt":"2024-09-1%dT01:00:00Z"}"""
                    .formatted(item, sequence - 2, outcome, lead, sequence % 10);
        }
        try {
            return new EventEnvelope(UUID.randomUUID().toString(), type, "1", "Submission", item, sequence,
                    Instant.parse("2024-09-02T01:00:00Z").plusSeconds(sequence), "clerk", "", "corr", JSON.readTree(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
