package com.acme.analytics.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts secrets the server must read back, such as provider credentials of integrations: store only
 * {@link #seal}'s result, and {@link #open} it when calling the provider; never log or return either. The key is
 * {@code analytics.security.credentials-key} (base64 of 32 bytes) when configured, else one generated at first
 * start and kept in the database, which then protects against a leak of the credential rows alone, not of the
 * whole database.
 */
@ApplicationScoped
public class CredentialCipher {

    @Inject
    @ConfigProperty(name = "analytics.security.credentials-key")
    Optional<String> configured;
    @Inject
    GeneratedSecrets generated;

    private volatile byte[] key;

    /** @param context what the secret belongs to, such as {@code workspaceId + "/" + integrationId} */
    public String seal(String plaintext, String context) {
        return SealedSecret.seal(key(), plaintext, context);
    }

    /** @throws IllegalArgumentException when sealed with another key or context, or tampered with */
    public String open(String sealed, String context) {
        return SealedSecret.open(key(), sealed, context);
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configured.filter(s -> !s.isBlank()).map(CredentialCipher::decode)
                    .orElseGet(() -> generated.get("credentials", 32));
            key = k;
        }
        return k;
    }

    private static byte[] decode(String base64) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("analytics.security.credentials-key must be base64");
        }
        if (k.length != 32) {
            throw new IllegalStateException("analytics.security.credentials-key must hold 32 bytes, not " + k.length);
        }
        return k;
    }
}
