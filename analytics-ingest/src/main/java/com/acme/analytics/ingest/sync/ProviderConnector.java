package com.acme.analytics.ingest.sync;

import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One provider's documented API (Google Analytics 4, Mixpanel, Amplitude, Segment, custom): what its config needs,
 * how often it may be asked, and one sync. A connector holds no state of an integration between syncs but its
 * per-credential rate budget; the scheduler owns leases, the circuit and the integration's state.
 */
public interface ProviderConnector {

    /** The provider's name as the API spells it: {@code google_analytics}, {@code mixpanel}, ... */
    String provider();

    /** The shortest sync frequency this config can keep within the provider's quota; the message says why. */
    MinimumFrequency minimumFrequency(JsonObject config);

    /**
     * What is wrong with this config and these credentials, by field path ({@code config.propertyId},
     * {@code credentials.private_key}); empty when the integration can sync.
     */
    Map<String, String> validate(JsonObject config, JsonObject credentials);

    /**
     * Fetches what changed since {@code request.cursor()} and hands it to the sink as it arrives (a large export
     * never sits whole in memory). Throws {@link ProviderException} with its kind when the provider refuses or
     * fails; what the sink took before stays taken.
     */
    void sync(SyncRequest request, SyncSink sink) throws ProviderException;

    /**
     * The URLs this config will call (its {@code apiBaseUrl} or the real default), by field path, so that an
     * integration whose host {@code analytics.outbound.allowed-hosts} refuses is refused when created. Called only
     * on a config that {@link #validate} accepted.
     */
    default Map<String, URI> endpoints(JsonObject config) {
        return Map.of();
    }

    /** The floor of an integration's frequency, and the reason a user reads when asking for less. */
    record MinimumFrequency(Duration floor, String reason) {
    }
}
