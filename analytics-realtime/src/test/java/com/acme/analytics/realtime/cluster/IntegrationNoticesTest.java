package com.acme.analytics.realtime.cluster;

import com.acme.analytics.domain.database.DatabaseSettings;
import com.acme.analytics.domain.database.DirectConnections;
import com.acme.analytics.domain.integrations.IntegrationSynced;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrationNoticesTest {

    private static final NoticeSender NOWHERE = new NoticeSender(
            new DirectConnections(new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "p")), "test");

    @Test
    void readsAnotherInstancesSyncsAndSkipsItsOwnAndForeignText() {
        IntegrationNotices here = new IntegrationNotices(NOWHERE, "here");
        IntegrationSynced ok = here.heard("{\"n\":\"there\",\"w\":\"ws1\",\"i\":42}");
        assertEquals(new IntegrationSynced("ws1", 42, null), ok);
        assertTrue(ok.succeeded());
        IntegrationSynced failed = here.heard("{\"n\":\"there\",\"w\":\"ws1\",\"i\":42,\"e\":\"HTTP 503: busy\"}");
        assertEquals("HTTP 503: busy", failed.error());
        assertNull(here.heard("{\"n\":\"here\",\"w\":\"ws1\",\"i\":42}"), "its own");
        assertNull(here.heard("{\"n\":\"there\",\"w\":\"ws1\",\"i\":\"x\"}"));
        assertNull(here.heard("not json"));
    }

    @Test
    void announcingWithoutADatabaseNeverThrows() {
        new IntegrationNotices(NOWHERE, "here").announce(new IntegrationSynced("ws1", 1, "x".repeat(10_000)));
    }
}
