package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.domain.metrics.Money;
import com.acme.analytics.ingest.deadletters.DeadLetter;
import com.acme.analytics.ingest.flush.Submission.Ack;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commit loop against a store that fails as told, in the manner of the Disruptor's BatchEventProcessorTest:
 * outages and recovery, poison events in the middle of a chunk, alone, or everywhere.
 */
class CommitLoopTest {

    private static final long INITIAL_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 400;

    private final FakeStore store = new FakeStore();
    private final Deque<Submission> buffer = new ArrayDeque<>();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Map<Submission, Submission.Outcome> settled = new IdentityHashMap<>();
    private final List<TrackedEvent> announced = new ArrayList<>();
    private final List<String> refusedIds = new ArrayList<>();
    private final List<Submission> givenUp = new ArrayList<>();
    private final List<Submission> partlyStored = new ArrayList<>();
    private final List<Long> outageRetries = new ArrayList<>();
    private final List<DeadLetter> lost = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();

    private final CommitLoop loop = new CommitLoop(store, this::drain, 100, new CommitLoop.Committed() {
        @Override
        public void stored(List<TrackedEvent> stored) {
            announced.addAll(stored);
        }

        @Override
        public void settled(Submission s, Submission.Outcome outcome) {
            assertNull(settled.put(s, outcome), "settled twice");
        }

        @Override
        public void deadLettered(List<DeadLetter> letters) {
            letters.forEach(l -> deadLettered.add(l.eventId()));
        }
    }, new FlushFailureHandler() {
        @Override
        public void onRefused(Submission submission, TrackedEvent event, SQLException cause) {
            refusedIds.add(event.eventId());
        }

        @Override
        public void onOutage(List<Submission> gaveUp, List<Submission> partly, Exception cause, long retryInMillis) {
            givenUp.addAll(gaveUp);
            partlyStored.addAll(partly);
            outageRetries.add(retryInMillis);
        }

        @Override
        public void onDeadLettersLost(List<DeadLetter> letters, Exception cause) {
            lost.addAll(letters);
        }
    }, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS, clock::get);

    private List<Submission> drain(int maxEvents) {
        List<Submission> out = new ArrayList<>();
        int taken = 0;
        while (!buffer.isEmpty() && (out.isEmpty() || taken + buffer.peek().size() <= maxEvents)) {
            taken += buffer.peek().size();
            out.add(buffer.poll());
        }
        return out;
    }

    private Submission submit(Ack ack, String... ids) {
        List<TrackedEvent> events = new ArrayList<>();
        for (String id : ids) {
            events.add(new TrackedEvent(id, "ws", "click", "camp", Instant.EPOCH, new Money(0), null, null, "{}"));
        }
        Submission s = new Submission(events, ack);
        buffer.add(s);
        return s;
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void shouldStoreEveryChunkAndSettleEachSubmission() {
        Submission a = submit(Ack.COMMITTED, "a1", "a2");
        Submission b = submit(Ack.BUFFERED, "b1", "a1");
        assertEquals(4, loop.writeAll());
        assertEquals(new Submission.Outcome(2, 0), settled.get(a));
        assertEquals(new Submission.Outcome(1, 1), settled.get(b), "a1 again is a duplicate");
        assertEquals(List.of("a1", "a2", "b1"), announced.stream().map(TrackedEvent::eventId).toList());
        assertEquals(1, store.writes);
    }

    @Test
    void shouldStoreTheRestOfAChunkWhenAnEventInTheMiddleIsPoison() {
        List<Submission> good = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            good.add(submit(Ack.COMMITTED, "g" + i + "a", "g" + i + "b"));
        }
        Submission poisoned = submit(Ack.COMMITTED, "ok", "poison-1", "ok2");
        for (int i = 7; i < 14; i++) {
            good.add(submit(Ack.COMMITTED, "g" + i + "a", "g" + i + "b"));
        }
        loop.writeAll();
        good.forEach(s -> assertEquals(new Submission.Outcome(2, 0), settled.get(s)));
        Submission.Outcome outcome = settled.get(poisoned);
        assertEquals(2, outcome.stored());
        assertEquals(List.of(1), outcome.refused().stream().map(Submission.Refusal::index).toList());
        assertEquals("22P05", outcome.refused().get(0).sqlState());
        assertEquals(List.of("poison-1"), refusedIds);
        assertEquals(30, store.storedIds.size());
        assertFalse(loop.inOutage(), "a refused event is no outage");
        // 31 events, one bad: the bisection writes about 2 log2(31) statements, not 31.
        assertTrue(store.writes <= 2 * 5 + 1, store.writes + " statements");
        assertTrue(store.deadLetters.isEmpty(), "waiting callers hear of the refusal; nothing is dead-lettered");
    }

    @Test
    void shouldDeadLetterAPoisonEventAloneAndGoOn() {
        Submission poison = submit(Ack.BUFFERED, "poison-alone");
        Submission after = submit(Ack.COMMITTED, "next");
        loop.writeAll();
        assertEquals(List.of("poison-alone"), refusedIds);
        assertEquals(0, settled.get(poison).stored());
        assertEquals(1, settled.get(poison).refused().size());
        assertEquals(new Submission.Outcome(1, 0), settled.get(after));
        assertEquals(1, store.deadLetters.size());
        DeadLetter letter = store.deadLetters.get(0);
        assertEquals("poison-alone", letter.eventId());
        assertEquals("22P05", letter.sqlState());
        assertTrue(letter.eventJson().contains("\"eventId\":\"poison-alone\""), letter.eventJson());
        assertEquals(List.of("poison-alone"), deadLettered);
        int writes = store.writes;
        loop.writeAll();
        assertEquals(writes, store.writes, "a refused event is never written again");
    }

    @Test
    void shouldRefuseEveryEventOnceWhenAllAreBad() {
        Submission committed = submit(Ack.COMMITTED, "poison-1", "poison-2", "poison-3");
        Submission buffered = submit(Ack.BUFFERED, "poison-4", "poison-5");
        loop.writeAll();
        assertEquals(List.of("poison-1", "poison-2", "poison-3", "poison-4", "poison-5"), refusedIds);
        assertEquals(3, settled.get(committed).refused().size());
        assertEquals(2, settled.get(buffered).refused().size());
        assertEquals(List.of("poison-4", "poison-5"), store.deadLetters.stream().map(DeadLetter::eventId).toList());
        assertTrue(store.storedIds.isEmpty());
        assertFalse(loop.inOutage());
        assertTrue(givenUp.isEmpty());
    }

    @Test
    void shouldRetryBufferedEventsAfterABackoffThatDoublesWhileTheOutageLasts() {
        store.outages = 3;
        Submission waiting = submit(Ack.COMMITTED, "w1");
        Submission buffered = submit(Ack.BUFFERED, "b1", "b2");
        loop.writeAll();
        assertEquals(List.of(waiting), givenUp, "a waiting caller hears at once");
        assertTrue(loop.inOutage());
        assertEquals(List.of(100L), outageRetries);

        for (int i = 0; i < 80; i++) {
            loop.writeAll(); // a caller asking for a flush does not make the loop hammer the database
        }
        assertEquals(1, store.writes);

        advance(100);
        loop.writeAll();
        advance(199);
        loop.writeAll();
        advance(1);
        loop.writeAll();
        assertEquals(List.of(100L, 200L, 400L), outageRetries);
        advance(400);
        Submission later = submit(Ack.COMMITTED, "l1");
        loop.writeAll();
        assertFalse(loop.inOutage());
        assertEquals(new Submission.Outcome(2, 0), settled.get(buffered), "kept and written first");
        assertEquals(new Submission.Outcome(1, 0), settled.get(later));
        assertNull(settled.get(waiting));
        assertEquals(List.of("b1", "b2", "l1"), announced.stream().map(TrackedEvent::eventId).toList());
        assertEquals(5, store.writes);
    }

    @Test
    void shouldCapTheBackoff() {
        store.outages = 10;
        submit(Ack.BUFFERED, "b1");
        for (int i = 0; i < 6; i++) {
            loop.writeAll();
            advance(MAX_BACKOFF_MS);
        }
        assertEquals(List.of(100L, 200L, 400L, 400L, 400L, 400L), outageRetries);
    }

    @Test
    void shouldGiveUpWaitingCallersPartlyStoredWhenTheOutageStrikesDuringTheSplit() {
        Submission mixed = submit(Ack.COMMITTED, "ok1", "ok2", "poison-1", "ok3");
        Submission buffered = submit(Ack.BUFFERED, "b1", "b2");
        // the whole chunk and its first half are refused, ok1 is stored, then the outage
        store.outageAfterWrites = 3;
        loop.writeAll();
        assertEquals(List.of(mixed), givenUp);
        assertEquals(List.of(mixed), partlyStored);
        assertNull(settled.get(buffered));
        assertEquals(2, loop.waiting(), "the buffered submission is kept");
        advance(INITIAL_BACKOFF_MS);
        loop.writeAll();
        assertEquals(new Submission.Outcome(2, 0), settled.get(buffered));
    }

    @Test
    void shouldTreatASchemaOrPermissionErrorAsAnOutageNotAsBadData() {
        store.failState = "42P01";
        store.outages = 1;
        Submission buffered = submit(Ack.BUFFERED, "b1", "b2");
        loop.writeAll();
        assertTrue(loop.inOutage());
        assertTrue(refusedIds.isEmpty());
        assertTrue(store.deadLetters.isEmpty());
        advance(INITIAL_BACKOFF_MS);
        loop.writeAll();
        assertEquals(new Submission.Outcome(2, 0), settled.get(buffered));
    }

    @Test
    void shouldKeepDeadLettersThroughAnOutageAndStoreThemFirst() {
        submit(Ack.BUFFERED, "poison-1", "ok");
        store.deadLetterOutages = 1;
        loop.writeAll();
        assertTrue(loop.inOutage());
        assertTrue(store.deadLetters.isEmpty());
        assertTrue(deadLettered.isEmpty(), "counted once stored, not before");
        advance(INITIAL_BACKOFF_MS);
        submit(Ack.COMMITTED, "next");
        loop.writeAll();
        assertEquals(List.of("poison-1"), store.deadLetters.stream().map(DeadLetter::eventId).toList());
        assertEquals(List.of("poison-1"), deadLettered);
        assertEquals(Set.of("ok", "next"), store.storedIds);
        assertTrue(lost.isEmpty());
    }

    @Test
    void shouldRefuseWhatTheStoreNamesAndWriteTheRestInOneMoreStatement() {
        store.namesRefusals = true;
        List<Submission> good = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            good.add(submit(Ack.COMMITTED, "g" + i + "a", "g" + i + "b"));
        }
        Submission poisoned = submit(Ack.COMMITTED, "poison-named-1", "ok", "poison-named-2");
        Submission buffered = submit(Ack.BUFFERED, "poison-named-3");
        loop.writeAll();
        good.forEach(s -> assertEquals(new Submission.Outcome(2, 0), settled.get(s)));
        assertEquals(List.of(0, 2), settled.get(poisoned).refused().stream().map(Submission.Refusal::index).toList());
        assertEquals(1, settled.get(poisoned).stored());
        assertEquals(List.of("poison-named-1", "poison-named-2", "poison-named-3"), refusedIds);
        assertEquals(List.of("poison-named-3"), deadLettered);
        assertEquals(29, store.storedIds.size());
        assertEquals(1, store.checks);
        assertEquals(2, store.writes, "the refused chunk, then the rest at once: no split");
    }

    @Test
    void shouldSplitWhatTheStoreCannotNameOnceTheNamedAreOut() {
        store.namesRefusals = true;
        Submission s = submit(Ack.COMMITTED, "a", "poison-named-1", "b", "c", "poison-unnamed", "d", "e", "f");
        loop.writeAll();
        assertEquals(List.of(1, 4), settled.get(s).refused().stream().map(Submission.Refusal::index).toList());
        assertEquals(6, settled.get(s).stored());
        assertEquals(1, store.checks, "the halves are not checked again");
        assertFalse(loop.inOutage());
    }

    @Test
    void shouldTreatAnOutageDuringTheCheckAsAnOutage() {
        store.namesRefusals = true;
        store.checkOutages = 1;
        Submission waiting = submit(Ack.COMMITTED, "ok", "poison-named-1");
        Submission buffered = submit(Ack.BUFFERED, "b1");
        loop.writeAll();
        assertTrue(loop.inOutage());
        assertEquals(List.of(waiting), givenUp);
        assertTrue(refusedIds.isEmpty());
        advance(INITIAL_BACKOFF_MS);
        loop.writeAll();
        assertEquals(new Submission.Outcome(1, 0), settled.get(buffered));
    }

    @Test
    void shouldEndAnOutageWithoutTrafficOnceAProbeReachesTheDatabase() {
        store.outages = 1;
        Submission waiting = submit(Ack.COMMITTED, "w1");
        loop.writeAll();
        assertEquals(List.of(waiting), givenUp);
        assertTrue(loop.inOutage());
        assertEquals(0, store.probes, "no probe before the backoff ends");

        advance(INITIAL_BACKOFF_MS);
        assertEquals(0, loop.writeAll(), "nothing to write");
        assertEquals(1, store.probes);
        assertFalse(loop.inOutage(), "the database is back although nothing was written");
        assertEquals(1, store.writes);
    }

    @Test
    void shouldBackOffFurtherWhileProbesFindTheDatabaseDown() {
        store.outages = 3; // the write and two probes
        submit(Ack.COMMITTED, "w1");
        loop.writeAll();
        advance(INITIAL_BACKOFF_MS);
        loop.writeAll();
        assertTrue(loop.inOutage());
        loop.writeAll();
        assertEquals(1, store.probes, "no probe during the backoff");
        advance(200);
        loop.writeAll();
        advance(400);
        loop.writeAll();
        assertEquals(List.of(100L, 200L, 400L), outageRetries);
        assertEquals(3, store.probes);
        assertFalse(loop.inOutage());
    }

    /**
     * Refuses a statement holding an event whose id starts with "poison" (as PostgreSQL refuses a chunk with one
     * \u0000), fails the given number of statements with a connection error, and dedupes ids.
     */
    private static final class FakeStore implements EventWriter {
        int writes;
        int outages;
        int outageAfterWrites = -1;
        int deadLetterOutages;
        int probes;
        /** Whether {@link #refusals} names the events whose id starts with "poison-named" (else it names none). */
        boolean namesRefusals;
        int checks;
        int checkOutages;
        String failState = "08006";
        final Set<String> storedIds = new HashSet<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();

        @Override
        public List<TrackedEvent> write(List<TrackedEvent> events, List<byte[]> rows) throws SQLException {
            writes++;
            if (outages > 0) {
                outages--;
                throw new SQLException("An I/O error occurred while sending to the backend.", failState);
            }
            if (outageAfterWrites >= 0 && writes > outageAfterWrites) {
                outageAfterWrites = -1;
                throw new SQLException("This connection has been closed.", "08003");
            }
            if (events.stream().anyMatch(e -> e.eventId().startsWith("poison"))) {
                throw new SQLException("unsupported Unicode escape sequence", "22P05");
            }
            List<TrackedEvent> stored = new ArrayList<>();
            for (TrackedEvent e : events) {
                if (storedIds.add(e.eventId())) {
                    stored.add(e);
                }
            }
            return stored;
        }

        @Override
        public void deadLetter(List<DeadLetter> letters) throws SQLException {
            if (deadLetterOutages > 0) {
                deadLetterOutages--;
                throw new SQLException("Connection refused", "08001");
            }
            deadLetters.addAll(letters);
        }

        @Override
        public Map<Integer, SQLException> refusals(List<TrackedEvent> events) throws SQLException {
            checks++;
            if (checkOutages > 0) {
                checkOutages--;
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            Map<Integer, SQLException> named = new HashMap<>();
            for (int i = 0; namesRefusals && i < events.size(); i++) {
                if (events.get(i).eventId().startsWith("poison-named")) {
                    named.put(i, new SQLException("value overflows numeric format", "22003"));
                }
            }
            return named;
        }

        @Override
        public void probe() throws SQLException {
            probes++;
            if (outages > 0) {
                outages--;
                throw new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
            }
        }
    }
}
