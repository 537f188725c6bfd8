package com.acme.analytics.ingest.jobs.profile;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** One JSON provider for the profiler (each {@code jakarta.json.Json} call looks the provider up again). */
final class Json {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** NaN and infinities are not JSON: such a figure is null (too few values to have one). */
    static JsonObjectBuilder add(JsonObjectBuilder o, String name, double x) {
        return Double.isFinite(x) ? o.add(name, x) : o.addNull(name);
    }
}
