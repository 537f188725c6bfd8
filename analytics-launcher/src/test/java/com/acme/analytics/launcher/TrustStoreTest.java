package com.acme.analytics.launcher;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustStoreTest {

    /** A day when the pinned Payara's store holds expired authorities (one of them expired 2026-11-27). */
    private static final Instant DECEMBER_2026 = Instant.parse("2026-12-02T00:00:00Z");

    @Test
    void shouldKeepOnlyTheAuthoritiesStillValid() throws Exception {
        KeyStore original = KeyStore.getInstance("PKCS12");
        try (InputStream in = TrustStore.class.getResourceAsStream(TrustStore.PAYARA_RESOURCE)) {
            original.load(in, TrustStore.PAYARA_PASSWORD);
        }
        long expired = Collections.list(original.aliases()).stream().filter(a -> expired(original, a)).count();
        assertTrue(expired > 0, "the pinned Payara's store has no expired entry left to test with");

        KeyStore kept = TrustStore.withoutExpired(original, DECEMBER_2026);

        assertEquals(original.size() - expired, kept.size());
        for (String alias : Collections.list(kept.aliases())) {
            assertFalse(expired(kept, alias), alias);
            assertEquals(original.getCertificate(alias), kept.getCertificate(alias));
        }
        assertFalse(kept.containsAlias("cert_7_entrust_root_certification_authority7"));
    }

    private static boolean expired(KeyStore store, String alias) {
        try {
            return ((X509Certificate) store.getCertificate(alias)).getNotAfter().before(Date.from(DECEMBER_2026));
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
