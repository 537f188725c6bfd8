package com.acme.analytics.metrics;

/**
 * When an actor (user or session) was seen: the latest two event seconds, a second counted once per event. That
 * is enough to tell, for any window ending after both, whether the actor had an event in it (the latest is in it)
 * and whether exactly one (the one before is not).
 */
final class Seen {

    static final long NEVER = Long.MIN_VALUE;

    private long latest = NEVER;
    private long before = NEVER;

    void see(long second) {
        if (second > latest) {
            before = latest;
            latest = second;
        } else if (second > before) {
            before = second;
        }
    }

    /** Folds another actor's sightings into this one (the same actor seen under several keys). */
    void see(Seen other) {
        if (other.latest != NEVER) {
            see(other.latest);
        }
        if (other.before != NEVER) {
            see(other.before);
        }
    }

    long latest() {
        return latest;
    }

    /** Whether the actor had an event in [from, end of what was recorded). */
    boolean seenSince(long from) {
        return latest >= from;
    }

    /** Whether the actor had exactly one event in [from, end of what was recorded). */
    boolean seenOnceSince(long from) {
        return latest >= from && before < from;
    }
}
