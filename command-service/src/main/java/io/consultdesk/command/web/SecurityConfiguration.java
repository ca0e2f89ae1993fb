package io.consultdesk.command.web;

import io.consultdesk.security.ConsultDeskSecurity;
import io.consultdesk.security.ProblemAuthenticationEntryPoint;
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
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/submissions").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/consultations").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/consultations/*/clauses").hasAnyRole("SUPERVISOR", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/consultations/*/outcomes").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/closure").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/publication").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/consultations/*/publication/*").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/imports").hasAnyRole("CLERK", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/decision").hasAnyRole("OFFICIAL", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/co-handling-opinion").hasRole("OFFICIAL")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/assignment").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/withdrawal", "/api/submissions/*/rejection",
                                "/api/submissions/*/duplicate-of").hasAnyRole("CLERK", "SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/submissions/*/events", "/api/submissions/*/submitter").hasRole("AUDITOR")
                        .requestMatchers(HttpMethod.DELETE, "/api/submissions/*/submitter").hasRole("AUDITOR")
                        .anyRequest().denyAll());
        return http.build();
    }
}
