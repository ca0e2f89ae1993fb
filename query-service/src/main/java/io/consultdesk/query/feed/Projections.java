package io.consultdesk.query.feed;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Every projection of the read side, as registered by the features (each declares a {@link Registration}
 * bean, so the feed names none of them), bound on demand to one generation of views: the live one, or one
 * being rebuilt.
 */
@Component
public final class Projections {

    /** How a feature contributes its projection: one per generation of views. Ordered by {@code @Order}. */
    @FunctionalInterface
    public interface Registration {
        Projection forViews(Views views);
    }

    private final List<Registration> registrations;

    public Projections(List<Registration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /** Every projection, writing to the given generation of views. */
    public List<Projection> forViews(Views views) {
        return registrations.stream().map(r -> r.forViews(views)).toList();
    }

}
