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
 *
 * <p>An operator holds {@link Permission#ADMINISTER} in every workspace but, acting on no workspace's data, is refused
 * an endpoint that names none, unless the endpoint is {@link #systemWide()}.
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

    /**
     * Whether an operator may call it without naming a workspace: the endpoint answers about the whole system (then
     * {@link CurrentCaller#workspaceId()} is null) and a workspace's caller about its own workspace only.
     */
    boolean systemWide() default false;
}
