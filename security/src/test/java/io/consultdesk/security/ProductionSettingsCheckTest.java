package io.consultdesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check of the prod profile, on environments laid out as command-service's application(-prod).yml are. */
class ProductionSettingsCheckTest {

    private static final String KEY = "Y29uc3VsdGRlc2stZW1iZWRkZWQtZGVtby1rZXktMzI=";

    /** application.yml and application-prod.yml as they are, the latter first; then the given environment variables. */
    private static void start(boolean prod, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        environment.getPropertySources().addLast(new MapPropertySource("application-prod.yml", Map.of(
                ConsultDeskSecurity.ISSUER, "${CONSULTDESK_JWT_ISSUER_URI:}",
                "consultdesk.personal-data.master-key", "${CONSULTDESK_PERSONAL_DATA_MASTER_KEY}")));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", Map.of(
                "consultdesk.personal-data.master-key", "${CONSULTDESK_PERSONAL_DATA_MASTER_KEY:" + KEY + "}",
                "consultdesk.topics.partitions", "3")));
        if (prod) {
            environment.setActiveProfiles("prod");
        }
        new ProductionSettingsCheck().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
    }

    private static Map<String, Object> variables(String... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void withoutIssuerAndKeyBothAreNamed() {
        assertThatThrownBy(() -> start(true, variables()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the prod profile needs CONSULTDESK_JWT_ISSUER_URI (spring.security.oauth2.resourceserver.jwt.issuer-uri)"
                        + " and CONSULTDESK_PERSONAL_DATA_MASTER_KEY (consultdesk.personal-data.master-key): set them in the environment");
    }

    @Test
    void withoutTheIssuerOnlyTheIssuerIsNamed() {
        assertThatThrownBy(() -> start(true, variables("CONSULTDESK_PERSONAL_DATA_MASTER_KEY", KEY)))
                .hasMessage("the prod profile needs CONSULTDESK_JWT_ISSUER_URI (spring.security.oauth2.resourceserver.jwt.issuer-uri): set it in the environment");
    }

    @Test
    void anEmptyMasterKeyIsAMissingOne() {
        assertThatThrownBy(() -> start(true, variables("CONSULTDESK_JWT_ISSUER_URI", "https://login.example.org/realms/cd",
                "CONSULTDESK_PERSONAL_DATA_MASTER_KEY", " ")))
                .hasMessage("the prod profile needs CONSULTDESK_PERSONAL_DATA_MASTER_KEY (consultdesk.personal-data.master-key): set it in the environment");
    }

    @Test
    void withBothTheStartGoesOn() {
        assertThatCode(() -> start(true, variables("CONSULTDESK_JWT_ISSUER_URI", "https://login.example.org/realms/cd",
                "CONSULTDESK_PERSONAL_DATA_MASTER_KEY", KEY))).doesNotThrowAnyException();
    }

    @Test
    void aSettingGivenDirectlyCountsAsGiven() {
        assertThatCode(() -> start(true, variables(ConsultDeskSecurity.ISSUER, "https://login.example.org/realms/cd",
                "consultdesk.personal-data.master-key", KEY))).doesNotThrowAnyException();
    }

    @Test
    void theEmbeddedDefaultNeedsNeither() {
        assertThatCode(() -> start(false, variables())).doesNotThrowAnyException();
    }
}
