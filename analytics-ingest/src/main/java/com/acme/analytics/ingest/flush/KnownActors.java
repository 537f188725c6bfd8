package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The daily actor rows ({@code actor_day}: workspace, UTC day, campaign, type, session, user) this instance has
 * committed, so that the ingest statement leaves out those it would only find there again: nearly every event
 * comes from a session already seen that day, and each such row cost a sort and an index probe that found a
 * conflict (about 6 µs per event in PostgreSQL, a seventh of the statement; bench/README.md). Leaving a stored row
 * out changes nothing, as the insert did nothing for it; a row is known only after its transaction committed, and
 * actor rows are deleted only for days older than any event accepted (rollup retention is at least the raw
 * events'), so a known row is always there. What other instances stored is not known here and is inserted as
 * before ({@code on conflict do nothing}).
 *
 * <p>Bounded: when full it starts again empty (yesterday's rows are the ones it no longer needs). Committer
 * thread only.
 */
final class KnownActors {

    /** About 150 bytes a key: some 7 MB at most. */
    static final int CAPACITY = 50_000;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Set<String> committed = new HashSet<>();

    /** The event's actor row as one key, or null when it has neither session nor user (no actor row). */
    static String keyOf(TrackedEvent e) {
        if (e.sessionId() == null && e.userId() == null) {
            return null;
        }
        // The day as PostgreSQL computes it from the staged timestamp (rounded to the microsecond); NUL, which no
        // text column holds, keeps the parts apart.
        long day = Math.floorDiv(StagingRows.postgresMicros(e.occurredAt()), MICROS_PER_DAY);
        return e.workspaceId() + '\0' + day + '\0' + orEmpty(e.campaignId()) + '\0' + e.eventType() + '\0'
                + orEmpty(e.sessionId()) + '\0' + orEmpty(e.userId());
    }

    /** Whether each key (null: no actor row) needs no insert. */
    boolean[] known(List<String> keys) {
        boolean[] known = new boolean[keys.size()];
        for (int i = 0; i < known.length; i++) {
            String key = keys.get(i);
            known[i] = key == null || committed.contains(key);
        }
        return known;
    }

    /** After the commit: the keys of the events it stored. */
    void committed(List<String> keys, boolean[] stored) {
        for (int i = 0; i < stored.length; i++) {
            String key = keys.get(i);
            if (stored[i] && key != null) {
                if (committed.size() >= CAPACITY) {
                    committed.clear();
                }
                committed.add(key);
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
