package com.acme.analytics.realtime.monitor;

import com.acme.analytics.domain.health.SystemActivity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} system activities, newest first when read. Thread-safe. */
public final class ActivityRing {

    private final int capacity;
    private final ArrayDeque<SystemActivity> items;

    public ActivityRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    public synchronized void add(SystemActivity activity) {
        if (items.size() == capacity) {
            items.removeLast();
        }
        items.addFirst(activity);
    }

    /** Newest first. */
    public synchronized List<SystemActivity> latest() {
        return new ArrayList<>(items);
    }
}
