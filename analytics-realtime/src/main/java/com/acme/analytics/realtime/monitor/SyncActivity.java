package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;
import com.acme.analytics.domain.integrations.IntegrationSynced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the integration syncs run on this instance into the monitor's {@code integration_sync_failed} and
 * {@code integration_sync_recovered}. Only the change is news: a provider that stays down is retried with backoff,
 * and one activity per retry would push everything else out of the feed's last 50.
 */
@ApplicationScoped
public class SyncActivity {

    /** Integrations whose last sync here failed; at most one entry per integration. */
    private final Set<Long> failing = ConcurrentHashMap.newKeySet();

    @Inject
    Event<SystemActivity> activity;

    void onSynced(@Observes IntegrationSynced synced) {
        if (!synced.succeeded()) {
            if (failing.add(synced.integrationId())) {
                activity.fire(new SystemActivity(SystemActivity.INTEGRATION_SYNC_FAILED, "Integration "
                        + synced.integrationId() + " sync failed: " + synced.error(), synced.workspaceId(),
                        Instant.now()));
            }
        } else if (failing.remove(synced.integrationId())) {
            activity.fire(new SystemActivity(SystemActivity.INTEGRATION_SYNC_RECOVERED, "Integration "
                    + synced.integrationId() + " synced again", synced.workspaceId(), Instant.now()));
        }
    }
}
