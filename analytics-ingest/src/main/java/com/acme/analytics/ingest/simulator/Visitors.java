package com.acme.analytics.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The simulated audience: people with a device, a browser and a city that stay theirs, who come back (a share of
 * events is by someone seen before) and whose visits are sessions: a session ends after half an hour of silence or
 * when the person leaves, and the next event of that person opens a new one. Not thread-safe: one per generator.
 */
final class Visitors {

    /** A returning person's share of events, when there is somebody to come back. */
    static final double RETURNING = 0.7;
    /** Chance that a person leaves after an event, so that the next visit is a new session. */
    static final double LEAVES = 0.15;
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);

    private static final Device[] DEVICES = {
            new Device("mobile", 0.55, new String[]{
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                            + "Version/17.5 Mobile/15E148 Safari/604.1",
                    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/126.0.0.0 Mobile Safari/537.36",
                    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/125.0.0.0 Mobile Safari/537.36"}),
            new Device("desktop", 0.35, new String[]{
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/126.0.0.0 Safari/537.36",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                            + "Version/17.5 Safari/605.1.15",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"}),
            new Device("tablet", 0.10, new String[]{
                    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                            + "Version/17.5 Mobile/15E148 Safari/604.1",
                    "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/126.0.0.0 Safari/537.36"})};

    static final List<String> LOCATIONS = List.of("New York, NY", "San Francisco, CA", "Chicago, IL", "Austin, TX",
            "Toronto, ON", "London, UK", "Berlin, DE", "Paris, FR", "Madrid, ES", "São Paulo, BR", "Mumbai, IN",
            "Tokyo, JP", "Sydney, AU");

    private final RandomGenerator random;
    private final int capacity;
    private final List<Person> people = new ArrayList<>();
    private long created;

    /** @param capacity how many people are remembered; beyond it the longest unseen is forgotten */
    Visitors(RandomGenerator random, int capacity) {
        this.random = random;
        this.capacity = capacity;
    }

    /** Who acts at that time: somebody seen before, most of the time, else a newcomer; in a session either way. */
    Person next(Instant at) {
        Person p;
        if (!people.isEmpty() && random.nextDouble() < RETURNING) {
            p = people.get(random.nextInt(people.size()));
        } else {
            p = newcomer();
        }
        p.visit(at, random);
        return p;
    }

    /** Somebody new, whose visit is a single session from now on (a journey's). */
    Person newcomer() {
        if (people.size() >= capacity) {
            people.remove(0);
        }
        Device d = device(random.nextDouble());
        Person p = new Person(Ids.of(random, "sim_user_", 10), d.type(), d.userAgents()[random.nextInt(
                d.userAgents().length)], LOCATIONS.get(random.nextInt(LOCATIONS.size())));
        people.add(p);
        created++;
        return p;
    }

    /** People met so far, forgotten ones included. */
    long created() {
        return created;
    }

    private static Device device(double r) {
        for (Device d : DEVICES) {
            if (r < d.share()) {
                return d;
            }
            r -= d.share();
        }
        return DEVICES[DEVICES.length - 1];
    }

    private record Device(String type, double share, String[] userAgents) {
    }

    /** One simulated person; {@link #sessionId()} is the visit in progress. */
    static final class Person {
        final String userId;
        final String deviceType;
        final String userAgent;
        final String location;
        private String sessionId;
        private Instant lastSeen;

        private Person(String userId, String deviceType, String userAgent, String location) {
            this.userId = userId;
            this.deviceType = deviceType;
            this.userAgent = userAgent;
            this.location = location;
        }

        String sessionId() {
            return sessionId;
        }

        /** An event of this person at that time: a new session after a long silence or a goodbye. */
        void visit(Instant at, RandomGenerator random) {
            if (sessionId == null || lastSeen == null || Duration.between(lastSeen, at).compareTo(SESSION_IDLE) > 0) {
                sessionId = Ids.of(random, "sim_sess_", 12);
            }
            lastSeen = at;
        }

        /** The person leaves after an event now and then, so the next visit is a new session. */
        void mayLeave(RandomGenerator random) {
            if (random.nextDouble() < LEAVES) {
                lastSeen = null;
            }
        }
    }
}
