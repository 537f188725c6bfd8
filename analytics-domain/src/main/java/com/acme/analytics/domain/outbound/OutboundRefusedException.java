package com.acme.analytics.domain.outbound;

import com.acme.analytics.domain.AnalyticsException;

/** An outbound URL that {@code analytics.outbound.allowed-hosts} does not permit; the message names the host. */
public class OutboundRefusedException extends AnalyticsException {

    public OutboundRefusedException(String message) {
        super(message);
    }
}
