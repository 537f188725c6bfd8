/** Names of the instances that take leases in PostgreSQL, so that a lease can tell a live holder from a dead one. */
package com.acme.analytics.domain.leases;
