package io.consultdesk.command.submission;

import io.consultdesk.command.consultation.ConsultationOpened;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a bureau must have decided: {@code workingDays} working days (Monday to Friday, in the consultation's
 * {@code zone}) after the item reached it, at the end of that day there. Public holidays are not known here
 * and count as working days.
 */
public record HandlingDeadline(int workingDays, ZoneId zone) {

    /** The zone of a consultation that recorded none, and of items assigned before the zone was recorded. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of(ConsultationOpened.DEFAULT_TIME_ZONE);

    /** As an assignment recorded it: {@code timeZone} is absent from events stored before it was recorded. */
    static HandlingDeadline of(int workingDays, String timeZone) {
        return new HandlingDeadline(workingDays, timeZone == null ? DEFAULT_ZONE : ZoneId.of(timeZone));
    }

    public Instant after(Instant assignedAt) {
        LocalDate day = assignedAt.atZone(zone).toLocalDate();
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return ZonedDateTime.of(day.atTime(23, 59, 59), zone).toInstant();
    }
}
