package com.acme.analytics.access;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SealedSecretTest {

    private final byte[] key = Secrets.randomBytes(32);

    @Test
    void shouldOpenWhatItSealedAndHideIt() {
        String sealed = SealedSecret.seal(key, "sk_live_provider_api_key", "ws_a/int_1");
        assertFalse(sealed.contains("sk_live"));
        assertEquals("sk_live_provider_api_key", SealedSecret.open(key, sealed, "ws_a/int_1"));
        assertNotEquals(sealed, SealedSecret.seal(key, "sk_live_provider_api_key", "ws_a/int_1"));
    }

    @Test
    void rejectsAnotherKeyAnotherContextOrTampering() {
        String sealed = SealedSecret.seal(key, "secret", "ws_a/int_1");
        assertThrows(IllegalArgumentException.class, () -> SealedSecret.open(Secrets.randomBytes(32), sealed,
                "ws_a/int_1"));
        assertThrows(IllegalArgumentException.class, () -> SealedSecret.open(key, sealed, "ws_b/int_1"));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(SealedSecret.VERSION.length()));
        bytes[bytes.length - 1] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> SealedSecret.open(key,
                SealedSecret.VERSION + Base64.getEncoder().encodeToString(bytes), "ws_a/int_1"));
        assertThrows(IllegalArgumentException.class, () -> SealedSecret.open(key, "v1:AAAA", "ws_a/int_1"));
        assertThrows(IllegalArgumentException.class, () -> SealedSecret.open(key, "plain", "ws_a/int_1"));
    }
}
