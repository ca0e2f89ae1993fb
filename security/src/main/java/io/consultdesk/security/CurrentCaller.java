package io.consultdesk.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Set;
import java.util.stream.Collectors;

/** The caller of the current request, from the authenticated principal: a configured user or a JWT's claims. */
public class CurrentCaller {

    public Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Caller.PUBLIC;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        String bureau = "";
        if (auth.getPrincipal() instanceof ConsultDeskUser user) {
            bureau = user.bureau();
        } else if (auth.getPrincipal() instanceof Jwt jwt && jwt.getClaimAsString("bureau") != null) {
            bureau = jwt.getClaimAsString("bureau");
        }
        return new Caller(auth.getName(), bureau, roles);
    }
}
