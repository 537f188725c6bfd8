package com.acme.analytics.web.support;

import com.acme.analytics.access.Access;
import com.acme.analytics.access.Permission;
import com.acme.analytics.ingest.retention.RawEventRetention;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.sql.SQLException;
import java.time.Instant;

/** Deployed only by the tests: runs the hourly retention now, instead of waiting for minute 7 of the hour. */
@Path("test/retention")
@RequestScoped
public class RetentionResource {

    @Inject
    RawEventRetention retention;

    @POST
    @Access(Permission.OPERATE)
    public void runNow() throws SQLException {
        retention.maintain(Instant.now());
    }
}
