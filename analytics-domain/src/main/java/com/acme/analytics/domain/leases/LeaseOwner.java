package com.acme.analytics.domain.leases;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name an instance writes into the leases it takes in PostgreSQL (jobs, syncs): the process ({@code pid@host})
 * and a random part, so that a restart of the same process on the same host does not pass for its dead self.
 */
public final class LeaseOwner {

    private LeaseOwner() {
    }

    /** A new name, unique per call: take one per bean and start. */
    public static String newName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
