package com.acme.analytics.ingest.sync.schedule;

import com.acme.analytics.ingest.sync.ProviderConnector;
import com.acme.analytics.ingest.sync.ProviderException;
import com.acme.analytics.ingest.sync.SyncRequest;
import com.acme.analytics.ingest.sync.integrations.Integration;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One claimed sync from start to its recorded end: the connector fetches into a {@link StoringSink}, and the
 * outcome (with the retry policy's next time) is written under the lease. Messages name the integration, never its
 * credentials.
 */
final class SyncRun {

    private static final Logger LOG = Logger.getLogger(SyncRun.class.getName());

    private final SyncScheduler scheduler;
    private final SyncStates.Claim claim;

    SyncRun(SyncScheduler scheduler, SyncStates.Claim claim) {
        this.scheduler = scheduler;
        this.claim = claim;
    }

    void run() {
        Instant start = Instant.now();
        Integration integration = null;
        StoringSink sink = null;
        SyncStates.Finish finish;
        try {
            integration = scheduler.integrations().find(claim.integrationId()).orElse(null);
            if (integration == null) {
                return;   // deleted meanwhile; its sync row went with it
            }
            ProviderConnector connector = scheduler.connectors().find(integration.provider()).orElseThrow(() ->
                    new ProviderException(ProviderException.Kind.REFUSED, "no connector for provider "
                            + claim.integrationId()));
            sink = scheduler.newSink(integration);
            SyncRequest request = new SyncRequest(integration.id(), integration.workspaceId(), integration.config(),
                    scheduler.credentials(integration), claim.cursor(), start, scheduler.calls().forSync(sink));
            connector.sync(request, sink);
            sink.close();
            finish = finish("idle", true, null, 0, start.plus(integration.frequency().every())
                    .plus(scheduler.spread()), sink);
        } catch (ProviderException e) {
            RetryPolicy.Next next = scheduler.policy().after(e, claim.consecutiveFailures(),
                    integration.frequency().every(), Instant.now());
            finish = finish(next.state(), false, next.error(), next.consecutiveFailures(), next.at(), sink);
        } catch (RuntimeException | java.sql.SQLException e) {
            LOG.log(Level.WARNING, "Sync of integration " + claim.integrationId() + " failed", e);
            RetryPolicy.Next next = scheduler.policy().failure("internal error: " + e.getMessage(),
                    claim.consecutiveFailures() + 1, integration == null ? java.time.Duration.ofMinutes(1)
                            : integration.frequency().every(), Instant.now());
            finish = finish(next.state(), false, next.error(), next.consecutiveFailures(), next.at(), sink);
        }
        scheduler.record(integration == null ? null : integration.workspaceId(), claim.integrationId(), start,
                finish);
    }

    private static SyncStates.Finish finish(String state, boolean success, String error, int failures, Instant next,
                                            StoringSink sink) {
        if (sink == null) {
            return new SyncStates.Finish(state, success, error, failures, next, 0, null, null, 0, 0, 0, 0);
        }
        return new SyncStates.Finish(state, success, error, failures, next, sink.records(), sink.cursorTaken(),
                sink.quotaSeen(), sink.requests(), sink.successful(), sink.failed(), sink.responseMillis());
    }
}
