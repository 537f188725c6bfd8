package com.acme.analytics.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;

/**
 * Payara Micro's bundled trust store without the certificate authorities that have expired. Payara checks every
 * entry at start and logs a screenful per expired one (five on 6.2025.10 by December 2026); an expired authority
 * cannot vouch for anything anyway, so dropping it changes no TLS decision.
 */
final class TrustStore {

    /** Where Payara Micro keeps the trust store it copies into its runtime directory, and its password. */
    static final String PAYARA_RESOURCE = "/MICRO-INF/domain/cacerts.p12";
    static final char[] PAYARA_PASSWORD = "changeit".toCharArray();

    private TrustStore() {
    }

    /** The entries of the store still valid at {@code now}; the store itself is left as it was. */
    static KeyStore withoutExpired(KeyStore store, Instant now) throws GeneralSecurityException {
        KeyStore kept = KeyStore.getInstance("PKCS12");
        try {
            kept.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Date at = Date.from(now);
        for (String alias : Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (store.isCertificateEntry(alias)
                    && !(certificate instanceof X509Certificate x509 && x509.getNotAfter().before(at))) {
                kept.setCertificateEntry(alias, certificate);
            }
        }
        return kept;
    }

    /**
     * Writes Payara's trust store, minus its expired entries, to {@code file} and returns the file, or null when
     * Payara's store is not on the class path (then Payara uses its own as usual).
     */
    static Path writePayarasWithoutExpired(Path file, Instant now) throws IOException, GeneralSecurityException {
        KeyStore payaras = KeyStore.getInstance("PKCS12");
        try (InputStream in = TrustStore.class.getResourceAsStream(PAYARA_RESOURCE)) {
            if (in == null) {
                return null;
            }
            payaras.load(in, PAYARA_PASSWORD);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            withoutExpired(payaras, now).store(out, PAYARA_PASSWORD);
        }
        return file;
    }
}
