package com.acme.analytics.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current REST request, set by the access filter before the resource method runs. Resources read
 * the workspace from here instead of trusting a request parameter.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private String workspaceId;

    /**
     * @param workspaceId the workspace the request acts on: the one it named (already checked), else the caller's
     */
    public void set(Caller caller, String workspaceId) {
        this.caller = caller;
        this.workspaceId = workspaceId;
    }

    /** @throws IllegalStateException when no access rule ran for this request */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller in this request");
        }
        return caller;
    }

    /** The workspace the request acts on; null only for an operator request naming none. */
    public String workspaceId() {
        get();
        return workspaceId;
    }

    /** @throws AccessDenied 403 naming the field when the workspace is not the one this request acts on */
    public void requireWorkspace(String workspace, String field) {
        if (!workspace.equals(workspaceId())) {
            throw AccessDenied.forbidden(field, "this credential does not belong to workspace '" + workspace + "'");
        }
    }
}
