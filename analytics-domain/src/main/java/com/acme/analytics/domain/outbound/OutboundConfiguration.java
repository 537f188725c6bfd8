package com.acme.analytics.domain.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Reads {@code analytics.outbound.allowed-hosts} (env {@code ANALYTICS_OUTBOUND_ALLOWED_HOSTS}) once for every
 * module that calls out; a bad entry stops the deployment with its name rather than refusing calls later.
 */
@ApplicationScoped
public class OutboundConfiguration {

    @Inject
    @ConfigProperty(name = "analytics.outbound.allowed-hosts")
    Optional<String> allowedHosts;

    private OutboundHosts hosts;

    @PostConstruct
    void read() {
        hosts = OutboundHosts.parse(allowedHosts.orElse(""));
    }

    /** Dependent, as OutboundHosts is final and immutable: every injection point gets the one parsed rule. */
    @Produces
    OutboundHosts outboundHosts() {
        return hosts;
    }
}
