package io.consultdesk.command.submission;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a bureau must have decided: N working days (Monday to Friday, in China Standard Time) after the
 * item reached it, at the end of that day. Public holidays are not known here and count as working days.
 */
public final class HandlingDeadline {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private HandlingDeadline() {
    }

    public static Instant after(Instant assignedAt, int workingDays) {
        LocalDate day = assignedAt.atZone(ZONE).toLocalDate();
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return ZonedDateTime.of(day.atTime(23, 59, 59), ZONE).toInstant();
    }
}
