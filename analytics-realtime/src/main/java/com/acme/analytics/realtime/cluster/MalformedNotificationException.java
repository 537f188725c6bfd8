package com.acme.analytics.realtime.cluster;

/**
 * A notification on the feed's channel that is not of the feed's format: anyone who may connect to the database can
 * {@code NOTIFY} on the channel. Checked, so that the listener has to decide what becomes of it (it skips it).
 */
final class MalformedNotificationException extends Exception {

    private static final int SHOWN_CHARS = 200;

    MalformedNotificationException(String payload, String why) {
        super(why + ": " + shown(payload));
    }

    MalformedNotificationException(String payload, Throwable cause) {
        super(cause.getMessage() + ": " + shown(payload), cause);
    }

    private static String shown(String payload) {
        return payload.length() <= SHOWN_CHARS ? payload : payload.substring(0, SHOWN_CHARS) + "...";
    }
}
