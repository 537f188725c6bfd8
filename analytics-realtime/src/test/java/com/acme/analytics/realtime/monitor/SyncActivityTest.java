package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;
import com.acme.analytics.domain.integrations.IntegrationSynced;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyncActivityTest {

    private final List<SystemActivity> fired = new ArrayList<>();

    private SyncActivity observer() {
        SyncActivity observer = new SyncActivity();
        observer.activity = new Recording();
        return observer;
    }

    @Test
    void shouldReportAFailingIntegrationOnceAndItsRecoveryOnce() {
        SyncActivity observer = observer();
        observer.onSynced(new IntegrationSynced("w1", 7, null));
        observer.onSynced(new IntegrationSynced("w1", 7, "HTTP 503 from the provider"));
        observer.onSynced(new IntegrationSynced("w1", 7, "HTTP 503 from the provider"));
        observer.onSynced(new IntegrationSynced("w2", 8, "HTTP 401 from the provider"));
        observer.onSynced(new IntegrationSynced("w1", 7, null));
        observer.onSynced(new IntegrationSynced("w1", 7, null));

        assertEquals(List.of(SystemActivity.INTEGRATION_SYNC_FAILED, SystemActivity.INTEGRATION_SYNC_FAILED,
                SystemActivity.INTEGRATION_SYNC_RECOVERED), fired.stream().map(SystemActivity::kind).toList());
        assertEquals("Integration 7 sync failed: HTTP 503 from the provider", fired.get(0).message());
        assertEquals("w1", fired.get(0).workspaceId());
        assertEquals("w2", fired.get(1).workspaceId());
    }

    /** Records what is fired; nothing else of {@link Event} is used by the observer. */
    private final class Recording implements Event<SystemActivity> {
        @Override
        public void fire(SystemActivity event) {
            fired.add(event);
        }

        @Override
        public <U extends SystemActivity> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SystemActivity> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<SystemActivity> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SystemActivity> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SystemActivity> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
