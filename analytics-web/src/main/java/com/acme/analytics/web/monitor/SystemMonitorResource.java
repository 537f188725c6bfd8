package com.acme.analytics.web.monitor;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
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
 * {@code GET /api/system/monitor}: the latest sample of the system monitor, for admins and operators. An operator
 * (whose request names no workspace) sees every workspace's jobs and activities; a workspace admin the same figures
 * with their own workspace's jobs and activities only.
 */
@RequestScoped
@Path("system/monitor")
public class SystemMonitorResource {

    @Inject
    SystemMonitor monitor;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Permission.ADMINISTER, systemWide = true)
    public MonitorSample monitor() {
        String workspaceId = caller.workspaceId();
        return workspaceId == null ? monitor.latest() : monitor.latest().forWorkspace(workspaceId);
    }
}
