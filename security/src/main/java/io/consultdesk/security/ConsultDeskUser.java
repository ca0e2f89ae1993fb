package io.consultdesk.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A configured (non-JWT) user: name, password hash, roles and, for officials, their bureau. */
public class ConsultDeskUser extends User {

    private final String bureau;

    public ConsultDeskUser(String name, String passwordHash, List<String> roles, String bureau) {
        super(name, passwordHash, roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        this.bureau = bureau == null ? "" : bureau;
    }

    public String bureau() {
        return bureau;
    }
}
