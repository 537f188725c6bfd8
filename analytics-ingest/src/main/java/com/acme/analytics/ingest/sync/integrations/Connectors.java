package com.acme.analytics.ingest.sync.integrations;

import com.acme.analytics.ingest.sync.ProviderConnector;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every provider connector of the deployment, by the provider's name. */
@ApplicationScoped
public class Connectors {

    @Inject
    @Any
    Instance<ProviderConnector> all;

    private Map<String, ProviderConnector> byProvider;

    @PostConstruct
    void collect() {
        Map<String, ProviderConnector> map = new HashMap<>();
        all.forEach(c -> map.put(c.provider(), c));
        byProvider = Map.copyOf(map);
    }

    public Map<String, ProviderConnector> byProvider() {
        return byProvider;
    }

    public Optional<ProviderConnector> find(String provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }
}
