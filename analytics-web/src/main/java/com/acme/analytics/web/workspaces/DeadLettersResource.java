package com.acme.analytics.web.workspaces;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.ingest.deadletters.DeadLetters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /api/workspaces/{id}/dead-letters}: the workspace's buffered events that the database refused (202 was
 * answered, storing them failed for what they hold), newest first, for its admins.
 */
@Path("workspaces/{workspaceId}/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

    static final int MAX_LIMIT = 500;

    @Inject
    DeadLetters deadLetters;

    /**
     * @param before the smallest id of the previous page, for the next one
     * @param limit  at most this many (1 to 500)
     */
    @GET
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public List<DeadLetters.Listed> list(@PathParam("workspaceId") String workspaceId,
                                         @QueryParam("before") Long before,
                                         @QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        return deadLetters.list(workspaceId, before, Math.max(1, Math.min(MAX_LIMIT, limit)));
    }
}
