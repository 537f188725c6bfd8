package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instances of the cluster, as the cluster feed knows them: each listens on a connection of its own, named with
 * the instance's feed origin. Seeing the set change between two samples is an instance joining or leaving. The
 * first set seen is the starting point, not news. Not thread-safe: the sampling thread only.
 */
final class FeedMembers {

    private Set<String> known;

    /** The instances that joined or left since the last call, in the order of their ids. */
    List<SystemActivity> observe(Set<String> origins, Instant at) {
        Set<String> now = new TreeSet<>(origins);
        List<SystemActivity> changes = new ArrayList<>();
        if (known != null) {
            for (String origin : now) {
                if (!known.contains(origin)) {
                    changes.add(new SystemActivity(SystemActivity.INSTANCE_JOINED, "Instance " + origin
                            + " joined the cluster feed (" + now.size() + " listening)", null, at));
                }
            }
            for (String origin : known) {
                if (!now.contains(origin)) {
                    changes.add(new SystemActivity(SystemActivity.INSTANCE_LEFT, "Instance " + origin
                            + " left the cluster feed (" + now.size() + " listening)", null, at));
                }
            }
        }
        known = now;
        return changes;
    }
}
