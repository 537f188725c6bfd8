package com.acme.analytics.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * When each user and each session was last seen, per {@link LiveKey}: exact distinct counts over any trailing
 * window, which per-second tallies cannot give (an actor seen in two seconds would count twice).
 *
 * <p>A window ends at the second it is asked for, and only what happened before that end may count. So sightings
 * are folded in only once a window has ended after them: earlier ones at once, later ones (stamped ahead of the
 * windows asked so far) wait. Windows must then be asked in order of their ends: an earlier end than one already
 * used cannot be answered. Not thread-safe.
 */
final class ActorsSeen {

    enum Kind { USER, SESSION }

    private record Sighting(long second, LiveKey key, String user, String session) {
    }

    private final Map<LiveKey, Map<String, Seen>> users = new HashMap<>();
    private final Map<LiveKey, Map<String, Seen>> sessions = new HashMap<>();
    /**
     * Sightings not folded in yet, by second: nearly all fall in the last second or two, so a list per second costs
     * an append each where a priority queue of sightings cost a logarithm of all waiting (measured on the committer).
     */
    private final TreeMap<Long, List<Sighting>> waiting = new TreeMap<>();
    /** Every sighting before this second is folded in; the others wait. */
    private long foldedUpTo = Long.MIN_VALUE;

    /**
     * @param user    the user (the user id, else the session id), or null
     * @param session the session, or null
     */
    void record(long second, LiveKey key, String user, String session) {
        Sighting s = new Sighting(second, key, user, session);
        if (second < foldedUpTo) {
            fold(s);
        } else {
            waiting.computeIfAbsent(second, x -> new ArrayList<>()).add(s);
        }
    }

    /**
     * Folds in what happened before {@code end}.
     *
     * @return false when an earlier end than {@code end} was already used: windows ending then cannot be answered
     */
    boolean endAt(long end) {
        if (end < foldedUpTo) {
            return false;
        }
        for (var due = waiting.headMap(end, false).entrySet().iterator(); due.hasNext(); ) {
            due.next().getValue().forEach(this::fold);
            due.remove();
        }
        foldedUpTo = end;
        return true;
    }

    private void fold(Sighting s) {
        if (s.user() != null) {
            users.computeIfAbsent(s.key(), k -> new HashMap<>()).computeIfAbsent(s.user(), a -> new Seen())
                    .see(s.second());
        }
        if (s.session() != null) {
            sessions.computeIfAbsent(s.key(), k -> new HashMap<>()).computeIfAbsent(s.session(), a -> new Seen())
                    .see(s.second());
        }
    }

    /** Distinct actors seen since {@code from} under the keys kept, per group of keys. */
    Map<String, Long> distinct(Kind kind, Predicate<LiveKey> keys, Function<LiveKey, String> group, long from) {
        Map<String, Set<String>> seen = new HashMap<>();
        (kind == Kind.USER ? users : sessions).forEach((key, actors) -> {
            if (keys.test(key)) {
                Set<String> g = seen.computeIfAbsent(group.apply(key), k -> new HashSet<>());
                actors.forEach((actor, s) -> {
                    if (s.seenSince(from)) {
                        g.add(actor);
                    }
                });
            }
        });
        Map<String, Long> counts = new HashMap<>();
        seen.forEach((g, actors) -> counts.put(g, (long) actors.size()));
        return counts;
    }

    /** Sessions with exactly one event since {@code from} under the keys kept, per group of keys. */
    Map<String, Long> seenOnce(Predicate<LiveKey> keys, Function<LiveKey, String> group, long from) {
        Map<String, Map<String, Seen>> merged = new HashMap<>();
        sessions.forEach((key, actors) -> {
            if (keys.test(key)) {
                Map<String, Seen> g = merged.computeIfAbsent(group.apply(key), k -> new HashMap<>());
                actors.forEach((session, s) -> {
                    if (s.seenSince(from)) {
                        g.computeIfAbsent(session, x -> new Seen()).see(s);
                    }
                });
            }
        });
        Map<String, Long> counts = new HashMap<>();
        merged.forEach((g, all) -> counts.put(g, all.values().stream().filter(s -> s.seenOnceSince(from)).count()));
        return counts;
    }

    /** Drops the actors not seen since {@code before}: no window asked from now on starts that early. */
    void forgetBefore(long before) {
        for (Map<LiveKey, Map<String, Seen>> byKey : List.of(users, sessions)) {
            Iterator<Map<String, Seen>> keys = byKey.values().iterator();
            while (keys.hasNext()) {
                Map<String, Seen> actors = keys.next();
                actors.values().removeIf(s -> s.latest() < before);
                if (actors.isEmpty()) {
                    keys.remove();
                }
            }
        }
    }
}
