package io.consultdesk.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The authentication both services share. {@link #authenticate} configures a service's filter chain:
 * stateless, problem+json for 401/403, JWT when an issuer is configured, HTTP Basic against the configured
 * users otherwise. The {@code prod} profile refuses to start without an issuer and ignores configured users.
 */
@AutoConfiguration
@EnableConfigurationProperties(ConsultDeskSecurity.UsersProperties.class)
public class ConsultDeskSecurity {

    public static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /** Common settings; the caller adds its own authorisation rules and then builds the chain. */
    public static HttpSecurity authenticate(HttpSecurity http, Environment environment,
                                            ProblemAuthenticationEntryPoint entryPoint) throws Exception {
        String issuer = environment.getProperty(ISSUER, "");
        if (environment.acceptsProfiles(Profiles.of("prod")) && issuer.isBlank()) {
            throw new IllegalStateException("the prod profile needs " + ISSUER + " (CONSULTDESK_JWT_ISSUER_URI)");
        }
        // a refused token is answered by the resource server's own entry point unless it is given this one
        ProblemAuthenticationEntryPoint unauthenticated = issuer.isBlank() ? entryPoint : entryPoint.bearer();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(entryPoint));
        if (!issuer.isBlank()) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new ClaimsToRoles())));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
        }
        return http;
    }

    @Bean
    public ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint() {
        return new ProblemAuthenticationEntryPoint();
    }

    @Bean
    public CurrentCaller currentCaller() {
        return new CurrentCaller();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Configured users' passwords, checked with bcrypt once and then remembered for a few minutes. */
    @Bean
    public AuthenticationProvider passwordAuthentication(
            UserDetailsService users, PasswordEncoder encoder,
            @Value("${consultdesk.security.password-cache:5m}") Duration ttl) {
        DaoAuthenticationProvider dao =
                new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new CachingPasswordAuthentication(dao, ttl, Clock.systemUTC());
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

    /** One configured user. */
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
