package io.consultdesk.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsultDeskSecurityTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aBearerTokensRolesAndBureauBecomeTheCaller() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("li.si")
                .claim("roles", List.of("OFFICIAL")).claim("bureau", "市科技创新局")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new ConsultDeskSecurity.ClaimsToRoles().convert(jwt));
        Caller caller = new CurrentCaller().get();
        assertThat(caller.name()).isEqualTo("li.si");
        assertThat(caller.roles()).containsExactly("OFFICIAL");
        assertThat(caller.bureau()).isEqualTo("市科技创新局");
        assertThat(caller.seesAllItems()).isFalse();
    }

    @Test
    void nobodySignedInIsThePublic() {
        Caller nobody = new CurrentCaller().get();
        assertThat(nobody).isEqualTo(Caller.PUBLIC);
        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.seesAllItems()).isFalse();
    }

    @Test
    void theProductionProfileRefusesToRunWithoutAnIssuer() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> ConsultDeskSecurity.authenticate(null, prod, new ProblemAuthenticationEntryPoint()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer");
    }

    @Test
    void configuredUsersAreIgnoredUnderTheProductionProfile() {
        var properties = new ConsultDeskSecurity.UsersProperties(List.of(
                new ConsultDeskSecurity.ConfiguredUser("clerk", new BCryptPasswordEncoder().encode("pw"), List.of("CLERK"), "")));
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        UserDetailsService users = new ConsultDeskSecurity().users(properties, prod);
        assertThatThrownBy(() -> users.loadUserByUsername("clerk")).hasMessageContaining("no such user");
        UserDetailsService embedded = new ConsultDeskSecurity().users(properties, new MockEnvironment());
        assertThat(embedded.loadUserByUsername("clerk").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CLERK");
    }

    @Test
    void aGoodPasswordIsCheckedOnceAndABadOneEveryTime() {
        AtomicInteger lookups = new AtomicInteger();
        String hash = new BCryptPasswordEncoder(4).encode("pw");
        UserDetailsService users = name -> {
            lookups.incrementAndGet();
            return new ConsultDeskUser(name, hash, List.of("CLERK"), "");
        };
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(new BCryptPasswordEncoder(4));
        CachingPasswordAuthentication caching = new CachingPasswordAuthentication(dao, Duration.ofMinutes(5), Clock.systemUTC());

        Authentication first = caching.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("clerk", "pw"));
        Authentication second = caching.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("clerk", "pw"));
        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(lookups).hasValue(1);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> caching.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("clerk", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(lookups).hasValue(3);
    }
}
