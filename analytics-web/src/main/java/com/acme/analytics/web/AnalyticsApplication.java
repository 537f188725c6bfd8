package com.acme.analytics.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}; resources and providers of every module are discovered. */
@ApplicationPath("api")
public class AnalyticsApplication extends Application {
}
