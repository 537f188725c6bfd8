package com.acme.analytics.access;

import java.security.Principal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: the credential it presented, the workspace that credential belongs to and what it may do
 * there. A {@link java.security.Principal} so that the servlet and WebSocket layers can carry it.
 *
 * @param kind         what kind of credential
 * @param credentialId the token's id ({@code jti}) or the write key's id; never the secret itself
 * @param workspaceId  the workspace the credential is bound to; null for an operator
 * @param permissions  what the credential allows in that workspace (an operator's: everywhere)
 * @param expiresAt    when the credential stops being valid; null for write keys, which live until revoked
 */
public record Caller(Kind kind, String credentialId, String workspaceId, Set<Permission> permissions,
                     Instant expiresAt) implements Principal {

    public enum Kind { TOKEN, WRITE_KEY, OPERATOR }

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentialId, "credentialId");
        if ((kind == Kind.OPERATOR) != (workspaceId == null)) {
            throw new IllegalArgumentException("an operator has no workspace; any other caller has one");
        }
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static Caller token(String tokenId, String workspaceId, Role role, Instant expiresAt) {
        return new Caller(Kind.TOKEN, tokenId, workspaceId, role.permissions(), Objects.requireNonNull(expiresAt));
    }

    /** A write key may only send events, Segment style: it can never read. */
    public static Caller writeKey(String keyId, String workspaceId) {
        return new Caller(Kind.WRITE_KEY, keyId, workspaceId, EnumSet.of(Permission.TRACK), null);
    }

    /** An operator runs the server and administers any workspace, but reads no workspace's data. */
    public static Caller operator(String tokenId, Instant expiresAt) {
        return new Caller(Kind.OPERATOR, tokenId, null, EnumSet.of(Permission.OPERATE, Permission.ADMINISTER),
                Objects.requireNonNull(expiresAt));
    }

    /**
     * Whether the caller holds the permission in the workspace.
     *
     * @param workspace the workspace the request names, or null when it names none (then the caller's own)
     */
    public boolean may(Permission permission, String workspace) {
        if (!permissions.contains(permission)) {
            return false;
        }
        if (kind == Kind.OPERATOR) {
            return true;
        }
        return workspace == null || workspace.equals(workspaceId);
    }

    @Override
    public String getName() {
        return credentialId;
    }
}
