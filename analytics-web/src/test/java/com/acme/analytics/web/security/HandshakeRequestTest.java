package com.acme.analytics.web.security;

import com.acme.analytics.domain.events.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandshakeRequestTest {

    @Test
    void shouldReadTheQueryDecodedWithRepeatsAndBareNames() {
        Map<String, String[]> p = HandshakeRequest.parameters("access_token=a.b%2Bc&x=1&x=2&flag&&y=%C3%A9+z");
        assertArrayEquals(new String[] {"a.b+c"}, p.get("access_token"));
        assertArrayEquals(new String[] {"1", "2"}, p.get("x"));
        assertArrayEquals(new String[] {""}, p.get("flag"));
        assertArrayEquals(new String[] {"é z"}, p.get("y"));
        assertEquals(4, p.size());
        assertTrue(HandshakeRequest.parameters(null).isEmpty());
    }

    @Test
    void shouldLeaveTheAccessTokenOutOfTheQueryString() {
        assertEquals("x=1&flag&y=%C3%A9+z",
                HandshakeRequest.withoutAccessToken("access_token=a.b%2Bc&x=1&flag&&y=%C3%A9+z&access%5Ftoken=d"));
        assertNull(HandshakeRequest.withoutAccessToken("access_token=a"));
        assertNull(HandshakeRequest.withoutAccessToken(null));
    }

    @Test
    void rejectsAMalformedEscapeNamingTheQueryWithoutEchoingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HandshakeRequest.parameters("access_token=secret%zz"));
        assertEquals("query", e.violations().get(0).field());
        assertFalse(e.violations().get(0).message().contains("secret"));
    }
}
