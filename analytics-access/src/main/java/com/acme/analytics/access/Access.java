package com.acme.analytics.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a REST resource method (or of every method of a class). A method without one is refused to
 * everybody: the API is closed by default, so an endpoint added without thought stays closed.
 *
 * <p>The workspace a request acts on comes from the path parameter {@link #workspacePath()} or the query parameter
 * {@link #workspaceQuery()}; a caller bound to another workspace is refused with 403. When the query parameter is
 * absent the caller's own workspace is used ({@link CurrentCaller#workspaceId()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {

    /** The permission the caller needs. */
    Permission value();

    /** The path parameter naming the workspace, or empty. */
    String workspacePath() default "";

    /** The query parameter naming the workspace (such as {@code organizationId}), or empty. */
    String workspaceQuery() default "";
}
