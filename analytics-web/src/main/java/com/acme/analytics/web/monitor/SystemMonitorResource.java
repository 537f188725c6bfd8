package com.acme.analytics.web.monitor;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.realtime.monitor.MonitorSample;
import com.acme.analytics.realtime.monitor.SystemMonitor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/system/monitor}: the latest sample of the system monitor. Operators only: its jobs and activities
 * span every workspace.
 */
@RequestScoped
@Path("system/monitor")
public class SystemMonitorResource {

    @Inject
    SystemMonitor monitor;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Permission.OPERATE)
    public MonitorSample monitor() {
        return monitor.latest();
    }
}
