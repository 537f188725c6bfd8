package com.acme.analytics.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HMAC secret that signs and verifies tokens: {@code analytics.security.jwt.secret} when configured, else one
 * generated at first start and kept in the database, so that every instance and every restart agrees on it.
 */
@ApplicationScoped
public class SigningKey {

    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_BYTES = 32;

    @Inject
    @ConfigProperty(name = "analytics.security.jwt.secret")
    Optional<String> configured;
    @Inject
    GeneratedSecrets generated;

    private volatile byte[] secret;

    public byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = load();
            secret = s;
        }
        return s.clone();
    }

    private synchronized byte[] load() {
        if (secret != null) {
            return secret;
        }
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] bytes = configured.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("analytics.security.jwt.secret must be at least " + MIN_BYTES
                        + " bytes long");
            }
            return bytes;
        }
        return generated.get("jwt", MIN_BYTES * 2);
    }
}
