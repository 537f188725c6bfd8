package com.acme.analytics.web.support;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.CurrentCaller;
import com.acme.analytics.access.OpenConnections;
import com.acme.analytics.access.Permission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;

/**
 * Deployed only by the browser tests: the server closes every WebSocket and SSE stream of the calling credential
 * (as a restart or a lagging verdict would), while the credential stays valid, so that a test can watch the
 * page reconnect and resume.
 */
@Path("test/connections")
@RequestScoped
public class ConnectionsResource {

    @Inject
    OpenConnections connections;
    @Inject
    CurrentCaller caller;

    @DELETE
    @Access(Permission.READ)
    public void closeMine() {
        connections.closeAll(caller.get().credentialId(), "closed by the server for a test");
    }
}
