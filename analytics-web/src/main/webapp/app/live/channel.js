import {Backoff} from './backoff.js';

/**
 * One live connection (WebSocket or SSE) and its state, as the status bar shows it:
 * connecting, live, reconnecting (with the time of the next attempt), offline (the browser is offline, or the
 * credential was refused: then it stops retrying and says why). A connection that goes quiet for longer than
 * its watchdog allows is treated as dropped, so a server that vanished without closing is noticed.
 *
 * Subclasses implement connect() and disconnect() and call opened(), received() and dropped().
 */
export class LiveChannel {
    constructor(name, {watchdogMs, checkCredential}) {
        this.name = name;
        this.state = 'idle';
        this.retryAt = null;
        this.reason = null;
        this.attempts = 0;
        this.backoff = new Backoff();
        this.watchdogMs = watchdogMs;
        this.checkCredential = checkCredential;
        this.listeners = new Set();
        this.timer = null;
        this.watchdog = null;
        this.wasLive = false;
        window.addEventListener('online', () => {
            if (this.state === 'offline' && !this.refused) this.reconnectNow();
        });
    }

    onState(listener) {
        this.listeners.add(listener);
    }

    setState(state, reason = null) {
        this.state = state;
        this.reason = reason;
        this.listeners.forEach((l) => l(this));
    }

    /** Whether figures from this channel are possibly out of date. */
    get stale() {
        return this.state !== 'live' && this.wasLive;
    }

    start() {
        this.refused = false;
        this.backoff.reset();
        this.attempt();
    }

    attempt() {
        clearTimeout(this.timer);
        this.retryAt = null;
        this.attempts++;
        this.setState('connecting');
        this.connect();
        this.armWatchdog();
    }

    /** The Reconnect button: try at once, with a fresh backoff. */
    reconnectNow() {
        this.disconnect();
        this.backoff.reset();
        this.refused = false;
        this.attempt();
    }

    stop(reason) {
        clearTimeout(this.timer);
        clearTimeout(this.watchdog);
        this.retryAt = null;
        this.disconnect();
        this.setState('offline', reason || null);
    }

    opened() {
        this.backoff.reset();
        this.wasLive = true;
        this.setState('live');
        this.armWatchdog();
    }

    received() {
        this.armWatchdog();
    }

    armWatchdog() {
        clearTimeout(this.watchdog);
        this.watchdog = setTimeout(() => {
            this.disconnect();
            this.dropped('no message for ' + Math.round(this.watchdogMs / 1000) + ' s');
        }, this.watchdogMs);
    }

    /**
     * The connection ended or failed. Before waiting to retry, asks the server whether the credential still
     * holds: browsers do not tell a page why a WebSocket or EventSource handshake was refused.
     */
    async dropped(why) {
        if (this.state === 'offline' || this.state === 'reconnecting') return;
        clearTimeout(this.watchdog);
        this.disconnect();
        this.setState('reconnecting', why || null);
        const refusal = await this.checkCredential();
        if (refusal) {
            this.refused = true;
            this.stop(refusal.message);
            return;
        }
        if (!navigator.onLine) {
            this.setState('offline', 'the browser is offline');
            return;
        }
        const delay = this.backoff.next();
        this.retryAt = Date.now() + delay;
        this.setState('reconnecting', why || null);
        this.timer = setTimeout(() => this.attempt(), delay);
    }
}
