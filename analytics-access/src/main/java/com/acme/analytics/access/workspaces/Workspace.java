package com.acme.analytics.access.workspaces;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant. Its id is what the documents call organizationId, workspaceId and client id.
 *
 * @param id        server-assigned, {@code ws_...}
 * @param name      for people, 1 to {@value #MAX_NAME} characters
 * @param createdAt when it was created
 */
public record Workspace(String id, String name, Instant createdAt) {

    public static final int MAX_NAME = 200;

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a workspace name has 1 to " + MAX_NAME + " characters");
        }
    }
}
