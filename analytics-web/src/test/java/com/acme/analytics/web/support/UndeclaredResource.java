package com.acme.analytics.web.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * An endpoint added without an access rule, deployed only by the tests: the access filter must refuse it to every
 * caller, however privileged.
 */
@Path("test/undeclared")
public class UndeclaredResource {

    @GET
    public String secret() {
        return "leaked";
    }
}
