package com.acme.analytics.web.support;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * Integration tests that run each test in a workspace of its own, created through the operator API, and act as
 * its admin. Subclasses declare their own {@code @Deployment}: some need configuration of their own.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InNewWorkspace {

    @ArquillianResource
    protected URL base;

    protected final TestDatabase db = TestDatabase.get();
    protected Tenants.Tenant tenant;
    /** The workspace's admin. */
    protected Client client;
    /** The workspace's id, which events name as their {@code organizationId}. */
    protected String org;

    @BeforeEach
    void newTenant() throws Exception {
        tenant = new Tenants(new Client(base)).create();
        org = tenant.id();
        client = new Client(base).bearer(tenant.token("admin"));
    }

    /** An event of the workspace; {@code extra} is appended to its fields (starting with a comma). */
    protected String event(String type, String campaign, String extra) {
        return tenant.event(type, campaign, extra);
    }

    protected long storedEvents() throws Exception {
        return db.storedEvents(org);
    }
}
