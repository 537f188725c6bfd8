package com.acme.analytics.access;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerTest {

    private static final Instant LATER = Instant.now().plusSeconds(3600);

    @Test
    void shouldGrantRolesTheirPermissionsInTheirOwnWorkspaceOnly() {
        Caller viewer = Caller.token("t1", "ws_a", Role.VIEWER, LATER);
        assertTrue(viewer.may(Permission.READ, "ws_a"));
        assertTrue(viewer.may(Permission.READ, null));
        assertFalse(viewer.may(Permission.READ, "ws_b"));
        assertFalse(viewer.may(Permission.TRACK, "ws_a"));

        Caller member = Caller.token("t2", "ws_a", Role.MEMBER, LATER);
        assertTrue(member.may(Permission.TRACK, "ws_a"));
        assertFalse(member.may(Permission.ADMINISTER, "ws_a"));

        Caller admin = Caller.token("t3", "ws_a", Role.ADMIN, LATER);
        assertTrue(admin.may(Permission.ADMINISTER, "ws_a"));
        assertFalse(admin.may(Permission.ADMINISTER, "ws_b"));
        assertFalse(admin.may(Permission.OPERATE, null));
    }

    @Test
    void shouldLetAWriteKeyTrackAndNeverRead() {
        Caller key = Caller.writeKey("key_1", "ws_a");
        assertTrue(key.may(Permission.TRACK, "ws_a"));
        assertFalse(key.may(Permission.TRACK, "ws_b"));
        assertFalse(key.may(Permission.READ, "ws_a"));
    }

    @Test
    void shouldLetAnOperatorAdministerAnyWorkspaceButReadNone() {
        Caller operator = Caller.operator("t4", LATER);
        assertTrue(operator.may(Permission.OPERATE, null));
        assertTrue(operator.may(Permission.ADMINISTER, "ws_any"));
        assertFalse(operator.may(Permission.READ, "ws_any"));
        assertFalse(operator.may(Permission.TRACK, "ws_any"));
    }

    @Test
    void rejectsAnOperatorWithAWorkspaceOrAnyoneElseWithout() {
        assertThrows(IllegalArgumentException.class,
                () -> new Caller(Caller.Kind.OPERATOR, "t", "ws_a", Set.of(Permission.OPERATE), LATER));
        assertThrows(IllegalArgumentException.class,
                () -> new Caller(Caller.Kind.TOKEN, "t", null, Set.of(Permission.READ), LATER));
    }
}
