package com.acme.analytics.access;

import com.acme.analytics.domain.AnalyticsException;

/**
 * A request refused for who sent it: {@link #unauthenticated} (no valid credential: 401) or {@link #forbidden}
 * (a valid credential without the right: 403). Messages never echo a secret.
 */
public class AccessDenied extends AnalyticsException {

    private final boolean authenticated;
    private final String field;

    private AccessDenied(boolean authenticated, String field, String message) {
        super(message);
        this.authenticated = authenticated;
        this.field = field;
    }

    public static AccessDenied unauthenticated(String message) {
        return new AccessDenied(false, null, message);
    }

    public static AccessDenied forbidden(String message) {
        return new AccessDenied(true, null, message);
    }

    /** Forbidden because of the value of one request field, such as another workspace's id. */
    public static AccessDenied forbidden(String field, String message) {
        return new AccessDenied(true, field, message);
    }

    /** True for 403, false for 401. */
    public boolean authenticated() {
        return authenticated;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
