package io.consultdesk.command.consultation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an outcome word means, whatever the table calls it: 是, 已采纳 and 采纳。 are all {@link #ACCEPTED}.
 * Dashboards compare consultations by class while each table keeps its own words.
 */
public enum OutcomeClass {
    ACCEPTED("accepted"),
    PARTLY("partly"),
    NOT_ACCEPTED("not-accepted"),
    /** Explained, passed on, noted, or anything else that neither adopts nor declines. */
    EXPLAINED("explained");

    private final String key;

    OutcomeClass(String key) {
        this.key = key;
    }

    /** The class's name in requests: accepted, partly, not-accepted, explained. */
    public String key() {
        return key;
    }

    /** By its key or its name, any case; empty for anything else. */
    public static Optional<OutcomeClass> byKey(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(c -> c.key.equals(t)).findFirst();
    }
}
