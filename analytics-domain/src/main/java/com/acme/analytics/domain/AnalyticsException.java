package com.acme.analytics.domain;

import jakarta.ejb.ApplicationException;

/**
 * The base of every exception the application throws on purpose: bad input, a refused credential, a limit, the
 * database out of reach. Each is answered by the layer that meets the caller (a problem+json mapper, a WebSocket
 * error message), never logged as a defect; anything else reaching that layer is one. An EJB that meets one rolls
 * its transaction back and passes it on as it is, unwrapped.
 */
@ApplicationException(rollback = true)
public abstract class AnalyticsException extends RuntimeException {

    protected AnalyticsException(String message) {
        super(message);
    }

    protected AnalyticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
