package com.acme.analytics.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Turns the credential a request presents into a {@link Caller}: {@code Authorization: Bearer <token or write key>},
 * {@code Authorization: Basic <write key>:} (Segment's form), or, where browsers cannot set headers (WebSocket and
 * SSE handshakes), the {@code access_token} query parameter.
 */
@ApplicationScoped
public class Authenticator {

    /** Longer credentials are refused before any parsing. */
    static final int MAX_CREDENTIAL_CHARS = 4096;

    @Inject
    Tokens tokens;
    @Inject
    WriteKeys writeKeys;

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param accessToken   the {@code access_token} query parameter where the endpoint allows it, else null
     * @throws AccessDenied 401 when no valid credential is presented
     */
    public Caller authenticate(String authorization, String accessToken) {
        if (authorization != null && !authorization.isBlank()) {
            return fromHeader(authorization.strip());
        }
        if (accessToken != null && !accessToken.isBlank()) {
            return bearer(accessToken.strip());
        }
        throw AccessDenied.unauthenticated("Credentials are required: 'Authorization: Bearer <token>'"
                + " (or a write key for ingest)");
    }

    private Caller fromHeader(String header) {
        if (header.length() > MAX_CREDENTIAL_CHARS) {
            throw AccessDenied.unauthenticated("The Authorization header is too long");
        }
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        if (value.isEmpty()) {
            throw AccessDenied.unauthenticated("The Authorization header carries no credential");
        }
        return switch (scheme) {
            case "bearer" -> bearer(value);
            case "basic" -> basic(value);
            default -> throw AccessDenied.unauthenticated("Unsupported authorization scheme; use Bearer or Basic");
        };
    }

    private Caller bearer(String value) {
        if (value.length() > MAX_CREDENTIAL_CHARS) {
            throw AccessDenied.unauthenticated("The credential is too long");
        }
        return value.startsWith(WriteKeys.PREFIX) ? writeKeys.verify(value) : tokens.verify(value);
    }

    /** Segment sends the write key as the user name and an empty password. */
    private Caller basic(String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AccessDenied.unauthenticated("Basic credentials must be base64");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (!user.startsWith(WriteKeys.PREFIX)) {
            throw AccessDenied.unauthenticated("Basic credentials must carry a write key as the user name");
        }
        return writeKeys.verify(user);
    }
}
