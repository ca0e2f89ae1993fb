package io.consultdesk.command.web;

import io.consultdesk.security.ConsultDeskSecurity;
import io.consultdesk.security.ProblemAuthenticationEntryPoint;
import io.consultdesk.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may call which command endpoint: the first gate. Which item an actor may act on (an official only
 * on their bureau's items) is decided again in the aggregates, where the command is handled.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain api(HttpSecurity http, Environment environment, ProblemAuthenticationEntryPoint entryPoint,
                                   PublicSubmissionRateLimit rateLimit) throws Exception {
        ConsultDeskSecurity.authenticate(http, environment, entryPoint)
                .addFilterAfter(rateLimit, AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/submissions").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/consultations").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/consultations/*/clauses").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/consultations/*/outcomes").hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/closure").hasAnyRole(Roles.ADMIN, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/publication").hasRole(Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/consultations/*/publication/*").hasRole(Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/imports").hasAnyRole(Roles.CLERK, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/campaigns/*/decision").hasAnyRole(Roles.OFFICIAL, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/campaigns/*/confirmation", "/api/consultations/*/campaigns/*/split",
                                "/api/consultations/*/campaigns/*/merge").hasRole(Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/decision").hasAnyRole(Roles.OFFICIAL, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/co-handling-opinion").hasRole(Roles.OFFICIAL)
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/assignment").hasRole(Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/withdrawal", "/api/submissions/*/rejection",
                                "/api/submissions/*/duplicate-of").hasAnyRole(Roles.CLERK, Roles.SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/submissions/*/events", "/api/submissions/*/submitter").hasRole(Roles.AUDITOR)
                        .requestMatchers(HttpMethod.DELETE, "/api/submissions/*/submitter").hasRole(Roles.AUDITOR)
                        .anyRequest().denyAll());
        return http.build();
    }
}
