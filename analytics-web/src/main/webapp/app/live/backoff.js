/**
 * Reconnection delays as the dashboard contract gives them: 1 s, then 1.5 times the previous, at most 30 s.
 * Reset once a connection is live again.
 */
export class Backoff {
    constructor({initialMs = 1000, factor = 1.5, maxMs = 30000} = {}) {
        this.initialMs = initialMs;
        this.factor = factor;
        this.maxMs = maxMs;
        this.reset();
    }

    /** The delay before the next attempt, in milliseconds; each call grows the one after. */
    next() {
        const delay = this.current;
        this.current = Math.min(this.maxMs, this.current * this.factor);
        return delay;
    }

    reset() {
        this.current = this.initialMs;
    }
}
