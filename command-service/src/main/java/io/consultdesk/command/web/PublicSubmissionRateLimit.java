package io.consultdesk.command.web;

import io.consultdesk.security.ProblemLanguage;
import io.consultdesk.security.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits comments submitted without signing in: at most {@code per-minute} per client address, refilled
 * continuously (a token bucket). Staff who signed in are not limited. Over the limit: 429 problem+json (code
 * {@code rate-limited}), said in the caller's language.
 */
@Component
public class PublicSubmissionRateLimit extends OncePerRequestFilter {

    private final int perMinute;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PublicSubmissionRateLimit(@Value("${consultdesk.public-submissions.per-minute:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/api/submissions".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken;
        if (anonymous && !take(request.getRemoteAddr())) {
            // answered before any handler, so in the caller's language here rather than on the way out
            boolean english = ProblemLanguage.english(request);
            response.setHeader("Retry-After", "60");
            response.setHeader("Content-Language", ProblemLanguage.tag(english));
            ProblemResponse.write(response, HttpStatus.TOO_MANY_REQUESTS, english
                    ? "at most " + perMinute + " comments a minute may be submitted from one address; try again later"
                    : "同一地址每分钟最多可提交 " + perMinute + " 条意见，请稍后再试", "rate-limited");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean take(String address) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // bounded memory under a flood of addresses
        }
        return buckets.computeIfAbsent(address, a -> new Bucket(perMinute)).take(perMinute);
    }

    /** Tokens refill at perMinute per minute, up to perMinute. */
    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        synchronized boolean take(int perMinute) {
            long now = System.nanoTime();
            tokens = Math.min(perMinute, tokens + (now - last) / 60e9 * perMinute);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
