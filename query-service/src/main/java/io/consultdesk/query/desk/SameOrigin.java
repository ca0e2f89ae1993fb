package io.consultdesk.query.desk;

import io.consultdesk.security.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Refuses a command posted to {@code /desk/} from another site. The pages sign in with HTTP Basic, which a
 * browser sends with any form posted to this origin, whoever's page holds the form; so the request's own
 * {@code Sec-Fetch-Site} and {@code Origin} (which browsers set on every POST and pages cannot forge) must say
 * it came from this origin. A client that sends neither is not a browser acting for someone else.
 */
public class SameOrigin extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/desk/") || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponse.write(response, HttpStatus.FORBIDDEN, "commands are accepted only from this site's own pages");
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return host != null && host.equalsIgnoreCase(from.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
