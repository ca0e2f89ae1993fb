package io.consultdesk.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Authentication: JWT bearer tokens from the configured issuer (roles in the {@code roles} claim, bureau in
 * {@code bureau}) in real deployments; configured users with hashed passwords over HTTP Basic on the
 * embedded default. The {@code prod} profile refuses to start without an issuer. Who may do what to which
 * item is decided again in the aggregates; the URL rules here are the first gate.
 */
@Configuration
@EnableConfigurationProperties(SecurityConfiguration.UsersProperties.class)
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain api(HttpSecurity http, Environment environment, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "");
        if (environment.acceptsProfiles(Profiles.of("prod")) && issuer.isBlank()) {
            throw new IllegalStateException("the prod profile needs spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/submissions").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/consultations").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/consultations/*/clauses").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/closure").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/publication").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/consultations/*/imports").hasAnyRole("CLERK", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/decision").hasAnyRole("OFFICIAL", "SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/assignment").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/withdrawal", "/api/submissions/*/rejection",
                                "/api/submissions/*/duplicate-of").hasAnyRole("CLERK", "SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/submissions/*/events", "/api/submissions/*/submitter")
                        .hasRole("AUDITOR")
                        .anyRequest().authenticated());
        if (!issuer.isBlank()) {
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(new ClaimsToRoles())));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
        }
        return http.build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public UserDetailsService users(UsersProperties properties, Environment environment) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        return name -> properties.users().stream()
                .filter(u -> !prod && u.name().equals(name))
                .findFirst()
                // a fresh instance each time: authentication erases the credentials of the one it gets
                .map(u -> new ConsultDeskUser(u.name(), u.passwordHash(), u.roles(), u.bureau()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Configured users: {@code consultdesk.security.users[n].name, password-hash (bcrypt), roles, bureau}. */
    @ConfigurationProperties("consultdesk.security")
    public record UsersProperties(List<ConfiguredUser> users) {
        public UsersProperties {
            users = users == null ? List.of() : users;
        }
    }

    public record ConfiguredUser(String name, String passwordHash, List<String> roles, String bureau) {
    }

    /** Roles from the {@code roles} claim of a JWT. */
    static final class ClaimsToRoles implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new JwtAuthenticationToken(jwt, (roles == null ? List.<String>of() : roles).stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList(), jwt.getSubject());
        }
    }

}
