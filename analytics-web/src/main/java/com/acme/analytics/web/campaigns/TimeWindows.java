package com.acme.analytics.web.campaigns;

import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.domain.metrics.MetricWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the {@code timeWindow} query parameter (seconds) within the configured bounds. */
@ApplicationScoped
public class TimeWindows {

    @Inject
    @ConfigProperty(name = "analytics.metrics.default-window-seconds")
    long defaultSeconds;
    @Inject
    @ConfigProperty(name = "analytics.metrics.max-window-seconds")
    long maxSeconds;

    public MetricWindow.Trailing parse(String timeWindow) {
        if (timeWindow == null || timeWindow.isBlank()) {
            return MetricWindow.lastSeconds(defaultSeconds);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timeWindow.trim());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > maxSeconds) {
            throw new InvalidInputException("timeWindow", "must be a whole number of seconds from 1 to " + maxSeconds);
        }
        return MetricWindow.lastSeconds(seconds);
    }
}
