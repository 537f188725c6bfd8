package com.acme.analytics.realtime.alerts;

import com.acme.analytics.domain.leases.LeaseOwner;
import com.acme.analytics.domain.logging.ThrottledLog;
import com.acme.analytics.realtime.startup.WebModuleStarted;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The alerts' clock: every {@code analytics.alerts.evaluation-interval-ms} (on the container's scheduler, as the
 * system monitor samples; ticks never overlap) it leases this instance's rules, observes each one's metric, moves its
 * groups' states and records what fired or resolved, then hands the due deliveries to the {@link AlertDispatcher}.
 * One rule's failure (its database reads, a definition that no longer parses) skips that rule for this tick only.
 */
@ApplicationScoped
public class AlertEvaluation {

    private static final Logger LOG = Logger.getLogger(AlertEvaluation.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A definition parsed once per version of the rule. */
    private record Parsed(Instant updatedAt, AlertRule rule) {
    }

    /** Names this instance in its leases, unique per start. */
    private final String owner = LeaseOwner.newName();
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    /** When each rule whose window memory does not hold was last read from PostgreSQL. */
    private final Map<String, Instant> storedAt = new ConcurrentHashMap<>();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final AtomicLong evaluationCpuNanos = new AtomicLong();
    private final AtomicLong rulesEvaluated = new AtomicLong();
    private volatile long lastTickMillis;
    private final ThrottledLog failures = new ThrottledLog(LOG, 60_000);
    private final ThrottledLog slowTicks = new ThrottledLog(LOG, 60_000);
    /** Nanoseconds this tick spent recording transitions (the database's commit included). */
    private long recordingNanos;
    private ScheduledFuture<?> task;

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    AlertLeases leases;
    @Inject
    AlertReadings readings;
    @Inject
    AlertRecords records;
    @Inject
    AlertDispatcher dispatcher;
    @Inject
    @ConfigProperty(name = "analytics.alerts.evaluation-interval-ms")
    long intervalMs;
    @Inject
    @ConfigProperty(name = "analytics.alerts.stored-budget-ms")
    long storedBudgetMs;
    @Inject
    @ConfigProperty(name = "analytics.alerts.lease-seconds")
    int leaseSeconds;
    @Inject
    @ConfigProperty(name = "analytics.alerts.max-rules-per-instance")
    int maxRules;

    @PostConstruct
    void start() {
        task = scheduler.scheduleAtFixedRate(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    void onStart(@Observes WebModuleStarted started) {
        // Observing the start instantiates the bean, whose @PostConstruct schedules the evaluation.
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
        try {
            leases.release(owner);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Alert leases not released on shutdown; they run out in " + leaseSeconds + " s", e);
        }
    }

    private void tick() {
        try {
            evaluate(Instant.now());
        } catch (SQLException | RuntimeException e) {
            failures.log(Level.WARNING, "Leasing alert rules failed; the next tick tries again", e);
        }
        dispatcher.dispatchDue(owner);
    }

    void evaluate(Instant now) throws SQLException {
        // The claim is part of what an evaluation costs: counted from before it.
        long start = cpu.getCurrentThreadCpuTime();
        long began = System.nanoTime();
        recordingNanos = 0;
        List<AlertLeases.Leased> rules = leases.hold(owner, leaseSeconds, maxRules, now);
        long held = System.nanoTime();
        Set<String> ids = rules.stream().map(AlertLeases.Leased::id).collect(Collectors.toSet());
        parsed.keySet().retainAll(ids);
        storedAt.keySet().retainAll(ids);
        // Memory answers most rules in microseconds; the others cost queries, so they share a budget per tick,
        // the least recently read first: a thousand of them cannot stretch the tick of the rest.
        List<AlertLeases.Leased> stored = new ArrayList<>();
        int evaluated = 0;
        for (AlertLeases.Leased leased : rules) {
            Boolean inMemory = safely(leased, () -> readings.fromMemory(rule(leased), now));
            if (Boolean.FALSE.equals(inMemory)) {
                stored.add(leased);
            } else if (inMemory != null && evaluated(leased, now)) {
                evaluated++;
            }
        }
        long fromMemory = System.nanoTime();
        stored.sort(Comparator.comparing(l -> storedAt.getOrDefault(l.id(), Instant.MIN)));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(storedBudgetMs);
        for (AlertLeases.Leased leased : stored) {
            if (System.nanoTime() > deadline) {
                break;
            }
            storedAt.put(leased.id(), now);
            if (evaluated(leased, now)) {
                evaluated++;
            }
        }
        readings.retain(ids);
        evaluationCpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - start);
        rulesEvaluated.addAndGet(evaluated);
        lastTickMillis = now.toEpochMilli();
        long end = System.nanoTime();
        if (end - began > TimeUnit.MILLISECONDS.toNanos(intervalMs)) {
            // Every rule's notification waits for the tick that fires it: an overrun delays them all.
            slowTicks.log(Level.WARNING, String.format("An alert tick took %d ms (interval %d ms): leases %d ms,"
                            + " %d rules answered from memory %d ms, %d from PostgreSQL %d ms, recording %d ms",
                    millis(end - began), intervalMs, millis(held - began), rules.size() - stored.size(),
                    millis(fromMemory - held), stored.size(), millis(end - fromMemory), millis(recordingNanos)),
                    null);
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** A step of one rule that may fail alone: null when it did (the rule is skipped this tick). */
    private <T> T safely(AlertLeases.Leased leased, RuleCall<T> call) {
        try {
            return call.run();
        } catch (SQLException | RuntimeException e) {
            // Whether its states were written is unknown: the next tick reads them back.
            leases.forget(leased.id());
            failures.log(Level.WARNING, "Alert rule " + leased.id() + " not evaluated this tick", e);
            return null;
        }
    }

    private interface RuleCall<T> {
        T run() throws SQLException;
    }

    /** @return false when the rule failed this tick */
    private boolean evaluated(AlertLeases.Leased leased, Instant now) {
        return safely(leased, () -> {
            evaluate(leased, now);
            return true;
        }) != null;
    }

    private void evaluate(AlertLeases.Leased leased, Instant now) throws SQLException {
        AlertRule rule = rule(leased);
        Map<String, Observation> observed = readings.observe(leased.id(), leased.workspaceId(), rule,
                leased.states().keySet(), now);
        RuleStep.Outcome outcome = RuleStep.next(rule, leased.states(), observed, now);
        if (outcome.isEmpty()) {
            return;
        }
        List<AlertDispatch> dispatches = outcome.changes().stream()
                .map(c -> AlertDispatch.of(leased.id(), leased.workspaceId(), rule, c, now)).toList();
        long recording = System.nanoTime();
        boolean recorded = records.record(owner, leased.id(), leased.updatedAt(), outcome.stored(), dispatches);
        recordingNanos += System.nanoTime() - recording;
        if (recorded) {
            leased.states().putAll(outcome.stored());
            if (!dispatches.isEmpty()) {
                dispatcher.dispatchDue(owner);
            }
        } else {
            leases.forget(leased.id());
            LOG.fine(() -> "Alert rule " + leased.id() + " changed hands or was replaced during its evaluation;"
                    + " result dropped");
        }
    }

    private AlertRule rule(AlertLeases.Leased leased) {
        Parsed p = parsed.get(leased.id());
        if (p == null || !p.updatedAt().equals(leased.updatedAt())) {
            try (var reader = JSON.createReader(new StringReader(leased.definition()))) {
                p = new Parsed(leased.updatedAt(), AlertRuleParser.parseStored(reader.readValue()));
            }
            parsed.put(leased.id(), p);
            readings.forget(leased.id());
        }
        return p.rule();
    }

    /**
     * The CPU time this instance spent evaluating rules since it started, in nanoseconds: the ticks' and the
     * refreshes' of the comparison windows.
     */
    public long evaluationCpuNanos() {
        return evaluationCpuNanos.get() + readings.refreshCpuNanos();
    }

    /** How many rule evaluations this instance made since it started. */
    public long rulesEvaluated() {
        return rulesEvaluated.get();
    }

    /** Whether an evaluation completed within the last three intervals. */
    public boolean running(Instant now) {
        return now.toEpochMilli() - lastTickMillis <= 3 * intervalMs;
    }
}
