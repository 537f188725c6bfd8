package com.acme.analytics.realtime.startup;

/**
 * Fired once when the web module has started, on the container's thread and in the web module's naming context,
 * so observers may use their {@code @Resource}s. Observing it is how a bean starts with the application instead of
 * at its first use.
 */
public record WebModuleStarted() {
}
