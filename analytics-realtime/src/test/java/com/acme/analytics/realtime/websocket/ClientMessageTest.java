package com.acme.analytics.realtime.websocket;

import com.acme.analytics.realtime.hub.DashboardSubscription;
import com.acme.analytics.realtime.hub.MetricCategory;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientMessageTest {

    @Test
    void shouldReadTheDocumentedSubscription() {
        DashboardSubscription s = ClientMessage.read("""
                {"type":"subscribe","data":{"metrics":["campaigns","dashboard"],"events":["campaign"],
                 "notifications":true,"real_time_updates":false,"organizationId":"org_1"}}""").subscription("org_2");
        assertEquals("org_1", s.workspaceId());
        assertEquals(Set.of(MetricCategory.CAMPAIGNS, MetricCategory.DASHBOARD), s.metrics());
        assertEquals(Set.of("campaign"), s.events());
        assertTrue(s.notifications());
        assertFalse(s.realTimeUpdates());
    }

    @Test
    void shouldReadAMessageWithoutData() {
        assertEquals("ping", ClientMessage.read("{\"type\":\"ping\"}").type());
    }

    @Test
    void rejectsTextThatIsNotAMessage() {
        assertEquals("invalid_message", assertThrows(ClientMessage.Rejected.class,
                () -> ClientMessage.read("{oops")).code());
        assertEquals("invalid_message", assertThrows(ClientMessage.Rejected.class,
                () -> ClientMessage.read("[1]")).code());
        assertEquals("invalid_message", assertThrows(ClientMessage.Rejected.class,
                () -> ClientMessage.read("{\"type\":3}")).code());
    }

    @Test
    void shouldTakeTheCredentialsWorkspaceWhenTheSubscriptionNamesNone() {
        DashboardSubscription s = ClientMessage.read("""
                {"type":"subscribe","data":{"metrics":["dashboard"],"notifications":true}}""").subscription("org_9");
        assertEquals("org_9", s.workspaceId());
    }

    @Test
    void rejectsASubscriptionWithoutTenantOrWithAnUnknownCategory() {
        assertEquals("invalid_subscription", assertThrows(ClientMessage.Rejected.class,
                () -> ClientMessage.read("{\"type\":\"subscribe\",\"data\":{}}").subscription(null)).code());
        ClientMessage.Rejected e = assertThrows(ClientMessage.Rejected.class, () -> ClientMessage.read(
                "{\"type\":\"subscribe\",\"data\":{\"organizationId\":\"o\",\"metrics\":[\"weather\"]}}")
                .subscription("o"));
        assertTrue(e.getMessage().contains("weather"), e.getMessage());
    }
}
