package com.acme.analytics.web.workspaces;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.access.RevokedTokens;
import com.acme.analytics.access.Role;
import com.acme.analytics.access.Tokens;
import com.acme.analytics.access.WriteKeys;
import com.acme.analytics.domain.events.InvalidInputException;
import com.acme.analytics.access.workspaces.Workspace;
import com.acme.analytics.access.workspaces.Workspaces;
import com.acme.analytics.web.SmallJsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Workspaces and their credentials. Creating a workspace is the operator's; issuing and revoking a workspace's
 * tokens and write keys is its admins' (and the operator's). Secrets appear in an answer only when created.
 */
@Path("workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspacesResource {

    /** Lifetime of a token when the request names none: one hour. */
    static final long DEFAULT_TTL_SECONDS = 3600;

    @Inject
    Workspaces workspaces;
    @Inject
    WriteKeys writeKeys;
    @Inject
    Tokens tokens;
    @Inject
    RevokedTokens revoked;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Permission.OPERATE)
    public Response create(InputStream body) throws SQLException {
        String name = SmallJsonBody.read(body).text("name", Workspace.MAX_NAME);
        Workspaces.Created created = workspaces.create(name);
        Workspace w = created.workspace();
        return Response.created(URI.create("workspaces/" + w.id()))
                .entity(new CreatedWorkspace(w.id(), w.name(), created.writeKey().secret(), created.writeKey().id(),
                        w.createdAt()))
                .build();
    }

    @POST
    @Path("{workspaceId}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Response issueToken(@PathParam("workspaceId") String workspaceId, InputStream body) throws SQLException {
        SmallJsonBody request = SmallJsonBody.read(body);
        String roleName = request.text("role", 32);
        Role role = Role.fromWire(roleName).orElseThrow(() ->
                new InvalidInputException("role", "must be one of " + Role.WIRE_NAMES));
        long ttl = request.whole("ttlSeconds", tokens.maxTtlSeconds(), DEFAULT_TTL_SECONDS);
        requireWorkspace(workspaceId);
        Tokens.Issued issued = tokens.issue(workspaceId, role, Duration.ofSeconds(ttl));
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedToken(issued.token(), issued.id(), workspaceId, issued.role(), issued.expiresAt()))
                .build();
    }

    @DELETE
    @Path("{workspaceId}/tokens/{tokenId}")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Response revokeToken(@PathParam("workspaceId") String workspaceId, @PathParam("tokenId") String tokenId)
            throws SQLException {
        if (!revoked.revoke(tokenId, workspaceId)) {
            throw new NotFoundException("Workspace " + workspaceId + " has no active token " + tokenId);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{workspaceId}/write-keys")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Response createWriteKey(@PathParam("workspaceId") String workspaceId) throws SQLException {
        requireWorkspace(workspaceId);
        WriteKeys.NewWriteKey key = writeKeys.create(workspaceId);
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedWriteKey(key.id(), workspaceId, key.secret())).build();
    }

    @GET
    @Path("{workspaceId}/write-keys")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public List<WriteKeys.Listed> writeKeys(@PathParam("workspaceId") String workspaceId) throws SQLException {
        requireWorkspace(workspaceId);
        return writeKeys.list(workspaceId);
    }

    @DELETE
    @Path("{workspaceId}/write-keys/{keyId}")
    @Access(value = Permission.ADMINISTER, workspacePath = "workspaceId")
    public Response revokeWriteKey(@PathParam("workspaceId") String workspaceId, @PathParam("keyId") String keyId)
            throws SQLException {
        if (!writeKeys.revoke(workspaceId, keyId)) {
            throw new NotFoundException("Workspace " + workspaceId + " has no active write key " + keyId);
        }
        return Response.noContent().build();
    }

    private void requireWorkspace(String workspaceId) throws SQLException {
        if (workspaces.find(workspaceId).isEmpty()) {
            throw new NotFoundException("No workspace " + workspaceId);
        }
    }

    /** The answer to a workspace's creation: the only time its first write key is shown. */
    public record CreatedWorkspace(String id, String name, String writeKey, String writeKeyId, Instant createdAt) {
    }

    /** The answer to a token's issue: the only time the token is shown. */
    public record IssuedToken(String token, String id, String workspaceId, String role, Instant expiresAt) {
    }

    /** The answer to a write key's creation: the only time it is shown. */
    public record CreatedWriteKey(String id, String workspaceId, String writeKey) {
    }
}
