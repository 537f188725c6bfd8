package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DatabaseSettings;
import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.realtime.live.WorkspaceNotice;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Another instance's notifications keep whom they are for: a system alert stays for admins only. */
class WorkspaceNoticesTest {

    private static final NoticeSender NOWHERE = new NoticeSender(
            new DirectConnections(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "p")), "test");

    @Test
    void readsAnotherInstancesNoticesWithTheirAudienceAndSkipsItsOwn() {
        WorkspaceNotices here = new WorkspaceNotices(NOWHERE, "here");
        WorkspaceNotice system = here.heard("{\"n\":\"there\",\"w\":\"*\",\"a\":true,\"d\":{\"id\":\"x\"}}");
        assertEquals(new WorkspaceNotice(WorkspaceNotice.EVERY_WORKSPACE, "{\"id\":\"x\"}", true), system);
        assertTrue(system.adminsOnly());
        WorkspaceNotice rule = here.heard("{\"n\":\"there\",\"w\":\"ws1\",\"d\":{\"id\":\"y\"}}");
        assertFalse(rule.adminsOnly(), "an instance of before the flag: every dashboard, as it meant");
        assertNull(here.heard("{\"n\":\"here\",\"w\":\"ws1\",\"d\":{}}"), "its own");
        assertNull(here.heard("not json"));
    }

    @Test
    void announcingWithoutADatabaseNeverThrows() {
        new WorkspaceNotices(NOWHERE, "here").announce(new WorkspaceNotice("ws1", "{\"id\":\"z\"}", true));
    }
}
