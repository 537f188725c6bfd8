package com.acme.analytics.realtime.startup;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Fires {@link WebModuleStarted} when the servlet container starts the web module. The container's own
 * {@code @Initialized(ApplicationScoped.class)} events do not do for beans in the WAR's library jars: in an EAR,
 * Payara Server fires the {@code Object} one for the whole application, outside the web module's naming context
 * (their {@code java:comp} lookups fail), and Payara Micro does not deliver the {@code ServletContext} one to them.
 * A listener is called by every servlet container, in the module's context.
 */
@WebListener
public class WebModuleStart implements ServletContextListener {

    @Inject
    Event<WebModuleStarted> started;

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        started.fire(new WebModuleStarted());
    }
}
