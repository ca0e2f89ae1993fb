package io.consultdesk.command.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class HandlingDeadlineTest {

    @ParameterizedTest(name = "{0} + {1} working days → {2}")
    @CsvSource({
            // Monday 09:00 Shanghai + 1 → Tuesday end of day
            "2024-09-02T01:00:00Z, 1, 2024-09-03T15:59:59Z",
            // Friday + 1 → Monday
            "2024-09-06T01:00:00Z, 1, 2024-09-09T15:59:59Z",
            // Saturday + 5 → the Friday after
            "2024-09-07T01:00:00Z, 5, 2024-09-13T15:59:59Z",
            // 15:30Z is 23:30 on Friday in Shanghai: + 1 → Monday
            "2024-09-06T15:30:00Z, 1, 2024-09-09T15:59:59Z",
            // 16:30Z Friday is 00:30 Saturday in Shanghai: + 1 → Monday
            "2024-09-06T16:30:00Z, 1, 2024-09-09T15:59:59Z",
            "2024-09-02T01:00:00Z, 0, 2024-09-02T15:59:59Z"})
    void countsWorkingDaysInChinaStandardTime(String assigned, int days, String due) {
        assertThat(new HandlingDeadline(days, ZoneId.of("Asia/Shanghai")).after(Instant.parse(assigned))).isEqualTo(Instant.parse(due));
    }

    @ParameterizedTest(name = "{0} + {1} working days in New York → {2}")
    @CsvSource({
            // Friday 21:00 in New York is Saturday morning in Shanghai: still Friday there, + 1 → Monday
            "2024-09-07T01:00:00Z, 1, 2024-09-10T03:59:59Z",
            // Monday 09:00 New York + 1 → Tuesday end of day, New York time
            "2024-09-02T13:00:00Z, 1, 2024-09-04T03:59:59Z"})
    void countsWorkingDaysInTheConsultationsZone(String assigned, int days, String due) {
        assertThat(new HandlingDeadline(days, ZoneId.of("America/New_York")).after(Instant.parse(assigned))).isEqualTo(Instant.parse(due));
    }

    @Test
    void anAssignmentThatRecordedNoZoneCountsInChinaStandardTime() {
        assertThat(HandlingDeadline.of(1, null).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(HandlingDeadline.of(1, "Europe/London").zone()).isEqualTo(ZoneId.of("Europe/London"));
    }
}
