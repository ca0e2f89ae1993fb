package io.consultdesk.query.web;

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
import io.consultdesk.query.desk.SameOrigin;

/**
 * The public reads published tables and a draft's public page, and comments on it; staff read items, boards and dashboards (an
 * official only their bureau's items, filtered in the queries); auditors read histories and run replays.
 */
@Configuration
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final String[] STAFF = {Roles.CLERK, Roles.OFFICIAL, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN};

    @Bean
    public SecurityFilterChain api(HttpSecurity http, Environment environment, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        ConsultDeskSecurity.authenticate(http, environment, entryPoint)
                .addFilterBefore(new SameOrigin(), AuthorizationFilter.class)
                // pages and the HTML table carry no script, only their own inline style and the web font: allow nothing else
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/consultations/*/table", "/api/consultations/*/table/**",
                                "/public/**").permitAll()
                        // the pages' web font (WebFont)
                        .requestMatchers(HttpMethod.GET, "/fonts/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/submissions/*/history").hasAnyRole(Roles.AUDITOR, Roles.SUPERVISOR)
                        .requestMatchers("/api/admin/**").hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
                        // a campaign cluster spans bureaus: not for an official, who sees only its bureau's items
                        .requestMatchers(HttpMethod.GET, "/api/consultations/*/clusters")
                        .hasAnyRole(Roles.CLERK, Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN)
                        // the public comments on a draft from its public page; command-service limits and checks it
                        .requestMatchers(HttpMethod.POST, "/desk/public/**").permitAll()
                        // staff's commands go on to command-service, which decides who may do what
                        .requestMatchers(HttpMethod.POST, "/desk/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/**", "/board/**", "/dashboard/**", "/items/**", "/consultations/**",
                                "/inbox").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
                        .anyRequest().denyAll());
        return http.build();
    }
}
