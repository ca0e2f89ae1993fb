package io.consultdesk.query.presentation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * Instants as the people of a consultation read them: {@code 2024-09-16 10:00} in its time zone. The read
 * side stores instants (UTC); only what is shown is local.
 */
public final class LocalTimes {

    /** The time zone of a consultation that names none (all opened before the field existed). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    private LocalTimes(ZoneId zone) {
        this.zone = zone;
    }

    public static LocalTimes in(ZoneId zone) {
        return new LocalTimes(zone == null ? DEFAULT_ZONE : zone);
    }

    /** The zone named, or the default when the name is absent or unknown. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2024-09-16 10:00}, or the empty text for no instant. */
    public String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    public String format(Date date) {
        return date == null ? "" : format(date.toInstant());
    }
}
