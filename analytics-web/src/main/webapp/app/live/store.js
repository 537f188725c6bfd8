/**
 * What the live channels delivered, kept for the pages: the latest figures of each kind, the last 200 events,
 * the last 100 notifications, per-second and per-minute event counts for the charts, and what the browser
 * measures (updates received, renders, ingest-to-screen latency). Receiving only records and marks topics
 * dirty; the render scheduler decides when pages redraw.
 */
export const FEED_SIZE = 200;
export const MAX_NOTIFICATIONS = 100;
export const SECOND_POINTS = 100;
export const MINUTE_BARS = 30;
const LATENCY_SAMPLES = 2000;

export class Store {
    constructor() {
        this.dashboard = null;
        this.campaigns = null;
        this.categories = {};
        this.workspaceStats = null;
        this.events = [];
        this.notifications = [];
        this.unread = 0;
        this.toasts = [];
        this.eventTypes = new Set();
        this.seconds = new Map();   // epoch second -> {type: count}
        this.minutes = new Map();   // epoch minute -> count
        this.dirty = new Set();
        this.onDirty = () => {};
        this.lastUpdateAt = null;
        this.perf = {updates: 0, renders: 0, errors: 0, serverErrors: [], renderMs: 0, latencies: [],
            pendingShown: []};
    }

    mark(topic) {
        this.dirty.add(topic);
        this.onDirty();
    }

    countUpdate() {
        this.perf.updates++;
        this.lastUpdateAt = Date.now();
    }

    metrics(data) {
        if (data.dashboard) this.dashboard = data.dashboard;
        if (data.campaigns) this.campaigns = data.campaigns;
        for (const name of ['leads', 'social_media', 'ai_agents', 'system_health']) {
            if (data[name]) this.categories[name] = data[name];
        }
        this.mark('metrics');
    }

    /** A 004 event: kept for the feed and counted, by its own time, for the charts. */
    event(data, sequence) {
        const e = {...data, sequence, receivedAt: Date.now()};
        this.events.unshift(e);
        if (this.events.length > FEED_SIZE) this.events.length = FEED_SIZE;
        this.eventTypes.add(e.event_type);
        const at = typeof e.timestamp === 'number' ? e.timestamp : e.receivedAt;
        const second = Math.floor(at / 1000);
        const bucket = this.seconds.get(second) || {};
        bucket[e.event_type] = (bucket[e.event_type] || 0) + 1;
        this.seconds.set(second, bucket);
        const minute = Math.floor(second / 60);
        this.minutes.set(minute, (this.minutes.get(minute) || 0) + 1);
        this.prune(second);
        this.perf.pendingShown.push(at);
        this.mark('events');
    }

    prune(nowSecond) {
        if (this.seconds.size > SECOND_POINTS * 2) {
            for (const s of this.seconds.keys()) if (s < nowSecond - SECOND_POINTS * 2) this.seconds.delete(s);
        }
        if (this.minutes.size > MINUTE_BARS * 2) {
            const nowMinute = Math.floor(nowSecond / 60);
            for (const m of this.minutes.keys()) if (m < nowMinute - MINUTE_BARS * 2) this.minutes.delete(m);
        }
    }

    /** The workspace stream's copy of each event: the socket's copy feeds the page, this one only counts. */
    streamEvent() {
    }

    notification(data) {
        const n = {...data, read: false, receivedAt: Date.now()};
        this.notifications.unshift(n);
        if (this.notifications.length > MAX_NOTIFICATIONS) this.notifications.length = MAX_NOTIFICATIONS;
        this.unread = this.notifications.filter((x) => !x.read).length;
        this.toasts.push(n);
        this.mark('notifications');
    }

    readAll() {
        this.notifications.forEach((n) => { n.read = true; });
        this.unread = 0;
        this.mark('notifications');
    }

    dismiss(id) {
        this.notifications = this.notifications.filter((n) => n.id !== id);
        this.toasts = this.toasts.filter((n) => n.id !== id);
        this.unread = this.notifications.filter((x) => !x.read).length;
        this.mark('notifications');
    }

    dismissAll() {
        this.notifications = [];
        this.toasts = [];
        this.unread = 0;
        this.mark('notifications');
    }

    stats(data) {
        this.workspaceStats = data;
        this.mark('stats');
    }

    serverError(problem) {
        this.perf.errors++;
        this.perf.serverErrors.unshift(problem);
        this.perf.serverErrors.length = Math.min(this.perf.serverErrors.length, 20);
        this.mark('errors');
    }

    /** Events per second of each type over the last 100 seconds, for uPlot: [times, ...series]. */
    perSecond(types) {
        const now = Math.floor(Date.now() / 1000);
        const xs = [];
        const series = types.map(() => []);
        for (let s = now - SECOND_POINTS + 1; s <= now; s++) {
            xs.push(s);
            const bucket = this.seconds.get(s) || {};
            types.forEach((t, i) => series[i].push(bucket[t] || 0));
        }
        return [xs, ...series];
    }

    /** Events per minute over the last 30 minutes. */
    perMinute() {
        const now = Math.floor(Date.now() / 60000);
        const xs = [];
        const ys = [];
        for (let m = now - MINUTE_BARS + 1; m <= now; m++) {
            xs.push(m * 60);
            ys.push(this.minutes.get(m) || 0);
        }
        return [xs, ys];
    }

    /** Called by the scheduler after a render: what arrived since the last one is now on screen. */
    shown(at, caughtUp) {
        if (!caughtUp) {
            for (const t of this.perf.pendingShown) this.perf.latencies.push(Math.max(0, at - t));
            if (this.perf.latencies.length > LATENCY_SAMPLES) {
                this.perf.latencies.splice(0, this.perf.latencies.length - LATENCY_SAMPLES);
            }
        }
        this.perf.pendingShown = [];
    }

    resetPerf() {
        this.perf.updates = 0;
        this.perf.renders = 0;
        this.perf.errors = 0;
        this.perf.serverErrors = [];
        this.perf.latencies = [];
        this.perf.pendingShown = [];
    }
}

export function percentile(values, p) {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}
