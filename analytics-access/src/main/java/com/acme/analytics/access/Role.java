package com.acme.analytics.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A token holder's role in its workspace, and the permissions it grants. */
public enum Role {
    VIEWER(EnumSet.of(Permission.READ)),
    MEMBER(EnumSet.of(Permission.READ, Permission.TRACK)),
    ADMIN(EnumSet.of(Permission.READ, Permission.TRACK, Permission.ADMINISTER));

    public static final String WIRE_NAMES = Arrays.stream(values()).map(Role::wireName)
            .collect(Collectors.joining(", "));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
