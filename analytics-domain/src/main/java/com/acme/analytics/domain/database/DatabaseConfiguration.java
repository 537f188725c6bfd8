package com.acme.analytics.domain.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Reads {@code analytics.db.*} (defaults in this module's {@code META-INF/microprofile-config.properties}) for every
 * module: the typed {@link DatabaseSettings} and the {@link DirectConnections} made from them.
 */
@ApplicationScoped
public class DatabaseConfiguration {

    @Inject
    @ConfigProperty(name = "analytics.db.url")
    String url;
    @Inject
    @ConfigProperty(name = "analytics.db.user")
    String user;
    @Inject
    @ConfigProperty(name = "analytics.db.password")
    Optional<String> password;

    @Produces
    DatabaseSettings settings() {
        return new DatabaseSettings(url, user, password.orElse(""));
    }

    @Produces
    DirectConnections connections(DatabaseSettings settings) {
        return new DirectConnections(settings);
    }
}
