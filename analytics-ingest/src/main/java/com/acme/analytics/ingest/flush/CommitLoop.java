package com.acme.analytics.ingest.flush;

import com.acme.analytics.domain.events.TrackedEvent;
import com.acme.analytics.ingest.deadletters.DeadLetter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Writes submissions chunk by chunk, in the manner of the Disruptor's {@code BatchEventProcessor}: a failure is
 * handed to the {@link FlushFailureHandler} and the loop goes on. A failure is classified ({@link WriteFailure}):
 *
 * <ul>
 *   <li>Data: the store is asked which events it refuses ({@link EventWriter#refusals}, writing nothing); those
 *   are refused and the rest written in one more statement. What it cannot name is found by bisecting the chunk
 *   until each refused event stands alone (k such events of n cost about 2k log n statements). Everything else of
 *   the chunk is committed in the same flush. The refused are never retried;
 *   a buffered (already acknowledged) one becomes a {@link DeadLetter}.</li>
 *   <li>Outage: committed-mode submissions not written are given up (their callers hear at once and may retry);
 *   buffered ones are kept and written first, but not before a backoff that doubles from
 *   {@code initialBackoffMillis} up to {@code maxBackoffMillis} while the outage lasts. When a backoff ends with
 *   nothing to write, the loop asks the database itself ({@link EventWriter#probe()}): an outage ends when the
 *   database is back, not at the next write, which may never come.</li>
 * </ul>
 *
 * <p>Not thread-safe: one committer calls {@link #writeAll()} at a time; {@link #retryInNanos()} and
 * {@link #inOutage()} may be read from any thread.
 */
public final class CommitLoop {

    /** Where submissions come from: the oldest, up to {@code maxEvents} events but at least one submission. */
    public interface Source {
        List<Submission> drain(int maxEvents);
    }

    /** What becomes of the events stored; called on the committer thread. */
    public interface Committed {
        /** Events just committed (new ones only, duplicates skipped), before their submissions are settled. */
        void stored(List<TrackedEvent> stored);

        /** Every event of the submission was written or refused. */
        void settled(Submission submission, Submission.Outcome outcome);

        /** Refused acknowledged events now stored in the dead-letter table. */
        void deadLettered(List<DeadLetter> letters);
    }

    private final EventWriter store;
    private final Source source;
    private final int maxBatch;
    private final Committed committed;
    private final FlushFailureHandler failures;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final LongSupplier nanoClock;

    /** Acknowledged submissions not written because of an outage, written before anything newer. */
    private List<Submission> retry = List.of();
    /** Dead letters not written because of an outage. */
    private List<DeadLetter> undelivered = List.of();
    private volatile int outagesInARow;
    private volatile long notBeforeNanos;

    public CommitLoop(EventWriter store, Source source, int maxBatch, Committed committed,
                      FlushFailureHandler failures, long initialBackoffMillis, long maxBackoffMillis,
                      LongSupplier nanoClock) {
        this.store = store;
        this.source = source;
        this.maxBatch = maxBatch;
        this.committed = committed;
        this.failures = failures;
        this.initialBackoffNanos = TimeUnit.MILLISECONDS.toNanos(initialBackoffMillis);
        this.maxBackoffNanos = TimeUnit.MILLISECONDS.toNanos(maxBackoffMillis);
        this.nanoClock = nanoClock;
    }

    /**
     * Writes what the source holds now, chunk by chunk, unless backing off after an outage (then it returns at
     * once). Stops at an outage.
     *
     * @return the number of events it tried to write
     */
    public int writeAll() {
        if (retryInNanos() > 0 || !deliverDeadLetters()) {
            return 0;
        }
        List<Submission> chunk = retry.isEmpty() ? source.drain(maxBatch) : retry;
        retry = List.of();
        if (chunk.isEmpty() && inOutage()) {
            probe();
            return 0;
        }
        int tried = 0;
        while (!chunk.isEmpty()) {
            tried += chunk.stream().mapToInt(Submission::size).sum();
            if (!writeChunk(chunk)) {
                break;
            }
            chunk = source.drain(maxBatch);
        }
        return tried;
    }

    /** How long until the next write attempt after an outage; 0 or less: writing now. */
    public long retryInNanos() {
        return outagesInARow == 0 ? 0 : notBeforeNanos - nanoClock.getAsLong();
    }

    /** Whether the last write attempt (or probe) found the database unavailable. */
    public boolean inOutage() {
        return outagesInARow > 0;
    }

    /** Events kept for the next attempt. */
    public int waiting() {
        return retry.stream().mapToInt(Submission::size).sum();
    }

    /** @return false at an outage: stop writing */
    private boolean writeChunk(List<Submission> chunk) {
        List<ChunkEntry> entries = new ArrayList<>();
        for (Submission s : chunk) {
            for (int i = 0; i < s.size(); i++) {
                entries.add(new ChunkEntry(s, i));
            }
        }
        Exception outage = write(entries);
        List<Submission> givenUp = new ArrayList<>();
        List<Submission> partlyStored = new ArrayList<>();
        List<Submission> kept = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        int from = 0;
        for (Submission s : chunk) {
            List<ChunkEntry> own = entries.subList(from, from + s.size());
            from += s.size();
            if (own.stream().allMatch(ChunkEntry::done)) {
                settle(s, own, letters);
            } else if (s.ack() == Submission.Ack.BUFFERED) {
                kept.add(s); // already acknowledged: written again (what was stored counts as duplicate)
            } else {
                givenUp.add(s);
                if (own.stream().anyMatch(ChunkEntry::done)) {
                    partlyStored.add(s);
                }
            }
        }
        undelivered = letters;
        if (outage == null) {
            outagesInARow = 0;
            return deliverDeadLetters();
        }
        retry = kept;
        failures.onOutage(givenUp, partlyStored, outage, backOff());
        return false;
    }

    /** After an outage's backoff, with nothing to write: whether the database is back. */
    private void probe() {
        try {
            store.probe();
            outagesInARow = 0;
        } catch (Exception failure) {
            failures.onOutage(List.of(), List.of(), failure, backOff());
        }
    }

    /** @return the backoff begun now, in milliseconds */
    private long backOff() {
        long backoff = Math.min(maxBackoffNanos, initialBackoffNanos << Math.min(outagesInARow, 20));
        outagesInARow++;
        notBeforeNanos = nanoClock.getAsLong() + backoff;
        return TimeUnit.NANOSECONDS.toMillis(backoff);
    }

    /** Writes the entries, finding the refused at a data failure; @return the failure at an outage, else null. */
    private Exception write(List<ChunkEntry> entries) {
        return write(entries, true);
    }

    /**
     * @param ask whether, at a data failure, to ask the store which events it refuses before splitting the chunk:
     *            one statement that writes nothing, instead of a commit and a failed statement per step of the
     *            split (measured: about five failed statements per refused event at 1,000 events/s)
     */
    private Exception write(List<ChunkEntry> entries, boolean ask) {
        List<TrackedEvent> events = entries.stream().map(ChunkEntry::event).toList();
        try {
            List<TrackedEvent> stored = store.write(events, entries.stream().map(ChunkEntry::row).toList());
            Set<TrackedEvent> isNew = Collections.newSetFromMap(new IdentityHashMap<>());
            isNew.addAll(stored);
            entries.forEach(e -> e.written(isNew.contains(e.event())));
            if (!stored.isEmpty()) {
                committed.stored(stored);
            }
            return null;
        } catch (Exception failure) {
            if (WriteFailure.of(failure) == WriteFailure.OUTAGE) {
                return failure;
            }
            if (entries.size() == 1) {
                refuse(entries.get(0), (SQLException) failure);
                return null;
            }
            Map<Integer, SQLException> named = Map.of();
            if (ask) {
                try {
                    named = store.refusals(events);
                } catch (Exception checkFailure) {
                    if (WriteFailure.of(checkFailure) == WriteFailure.OUTAGE) {
                        return checkFailure;
                    }
                }
            }
            if (!named.isEmpty()) {
                List<ChunkEntry> rest = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    if (named.containsKey(i)) {
                        refuse(entries.get(i), named.get(i));
                    } else {
                        rest.add(entries.get(i));
                    }
                }
                return rest.isEmpty() ? null : write(rest, false);
            }
            // What the store could not name is found by splitting; its halves hold nothing it could name either.
            int half = entries.size() / 2;
            Exception outage = write(entries.subList(0, half), false);
            return outage != null ? outage : write(entries.subList(half, entries.size()), false);
        }
    }

    private void refuse(ChunkEntry culprit, SQLException cause) {
        culprit.refused(cause);
        failures.onRefused(culprit.submission, culprit.event(), cause);
    }

    private void settle(Submission s, List<ChunkEntry> own, List<DeadLetter> letters) {
        int stored = 0;
        int duplicates = 0;
        List<Submission.Refusal> refused = new ArrayList<>();
        for (ChunkEntry e : own) {
            if (e.refusal != null) {
                refused.add(new Submission.Refusal(e.index, e.event().eventId(), e.refusal.getSQLState(),
                        e.refusal.getMessage()));
                if (s.ack() == Submission.Ack.BUFFERED) {
                    letters.add(DeadLetter.of(e.event(), e.refusal.getSQLState(), e.refusal.getMessage(),
                            Instant.now()));
                }
            } else if (e.isNew) {
                stored++;
            } else {
                duplicates++;
            }
        }
        committed.settled(s, new Submission.Outcome(stored, duplicates, refused));
    }

    /** @return false at an outage (the letters are kept for the next attempt) */
    private boolean deliverDeadLetters() {
        if (undelivered.isEmpty()) {
            return true;
        }
        try {
            store.deadLetter(undelivered);
            committed.deadLettered(undelivered);
            undelivered = List.of();
            return true;
        } catch (Exception failure) {
            if (WriteFailure.of(failure) == WriteFailure.DATA) {
                failures.onDeadLettersLost(undelivered, failure);
                undelivered = List.of();
                return true;
            }
            failures.onOutage(List.of(), List.of(), failure, backOff());
            return false;
        }
    }
}
