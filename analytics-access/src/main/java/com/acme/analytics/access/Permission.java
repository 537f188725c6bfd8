package com.acme.analytics.access;

/** What an endpoint needs from its caller. Every permission but {@link #OPERATE} is held within one workspace. */
public enum Permission {
    /** Read figures and subscribe to live updates. */
    READ,
    /** Send events. */
    TRACK,
    /** Close streams, change integrations, manage keys and tokens. */
    ADMINISTER,
    /** Run the server: create workspaces, revoke any token. Held only by operator tokens. */
    OPERATE
}
