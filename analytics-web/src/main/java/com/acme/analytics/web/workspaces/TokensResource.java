package com.acme.analytics.web.workspaces;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.access.RevokedTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;

/** The operator's revocation of any token, operator tokens included. */
@Path("tokens")
@RequestScoped
public class TokensResource {

    @Inject
    RevokedTokens revoked;

    @DELETE
    @Path("{tokenId}")
    @Access(Permission.OPERATE)
    public Response revoke(@PathParam("tokenId") String tokenId) throws SQLException {
        if (!revoked.revoke(tokenId, null)) {
            throw new NotFoundException("No active token " + tokenId);
        }
        return Response.noContent().build();
    }
}
