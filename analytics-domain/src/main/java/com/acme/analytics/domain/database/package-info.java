/**
 * Where the database is ({@link DatabaseSettings}, from {@code analytics.db.*}) and the connections that live outside
 * the container's pool ({@link DirectConnections}), for every module that needs them.
 */
package com.acme.analytics.domain.database;
