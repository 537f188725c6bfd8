package com.acme.analytics.realtime.hub;

import java.util.Objects;

/**
 * What a client listens to. Every id is scoped by its tenant where the contract has one, so that a later
 * authorisation check has a workspace to decide on.
 *
 * @param kind the family of the topic
 * @param id   the key within the family, such as {@code org_1} or {@code org_1/camp_7}
 */
public record Topic(Kind kind, String id) {

    /** The topic families of the push contracts. */
    public enum Kind { WORKSPACE, CAMPAIGN, INTEGRATION, JOB, SYSTEM }

    /** Campaign updates of every campaign of a workspace, for a subscription that named none. */
    public static final String ALL_CAMPAIGNS = "*";

    private static final Topic SYSTEM = new Topic(Kind.SYSTEM, "system");

    public Topic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Topic workspace(String workspaceId) {
        return new Topic(Kind.WORKSPACE, workspaceId);
    }

    public static Topic campaign(String workspaceId, String campaignId) {
        return new Topic(Kind.CAMPAIGN, workspaceId + '/' + campaignId);
    }

    public static Topic integration(String workspaceId, String integrationId) {
        return new Topic(Kind.INTEGRATION, workspaceId + '/' + integrationId);
    }

    /** A job of a workspace: the same job id in two workspaces names two jobs. */
    public static Topic job(String workspaceId, String jobId) {
        return new Topic(Kind.JOB, workspaceId + '/' + jobId);
    }

    public static Topic system() {
        return SYSTEM;
    }
}
