package io.consultdesk.security;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Under the {@code prod} profile a service refuses to start, before it connects to anything, when a setting a
 * real deployment must give is missing: the token issuer, and every {@code consultdesk.*} setting whose
 * configured value is an environment variable that is not set or empty (command-service's master key, for
 * one). Without this check the start got as far as the first database connection and, with no database
 * reachable, failed on that instead, never naming the missing setting.
 */
public class ProductionSettingsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)}");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>();
        String issuer = resolve(environment, ConsultDeskSecurity.ISSUER);
        if (issuer == null || issuer.isBlank()) {
            missing.add("CONSULTDESK_JWT_ISSUER_URI (" + ConsultDeskSecurity.ISSUER + ")");
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("consultdesk.") && enumerable.getProperty(name) instanceof CharSequence raw) {
                        Matcher placeholder = PLACEHOLDER.matcher(raw);
                        String value = resolve(environment, name);
                        if (placeholder.find() && (value == null || value.isBlank())) {
                            missing.add(placeholder.group(1) + " (" + name + ")");
                        }
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the prod profile needs " + String.join(" and ", missing) + ": set "
                    + (missing.size() == 1 ? "it" : "them") + " in the environment");
        }
    }

    /** The value, or null when it names a variable that is not set. */
    private static String resolve(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    /** Right after logging is set up, so that the refusal is logged like any failed start. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
