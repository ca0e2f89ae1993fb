package io.consultdesk.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic checks a bcrypt hash on every request, and bcrypt is slow on purpose (tens of milliseconds):
 * on two cores that alone capped the API near 25 requests a second. A successful check is remembered for a
 * few minutes, keyed by a salted SHA-256 of name and password (the salt is random per process, nothing
 * reversible is kept); a wrong password is never cached and always goes to bcrypt.
 */
public class CachingPasswordAuthentication implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CachingPasswordAuthentication(DaoAuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    private record Cached(Authentication authentication, Instant until) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = key(authentication.getName(), String.valueOf(authentication.getCredentials()));
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Cached(result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String key(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
