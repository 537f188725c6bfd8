/**
 * Renders at most 30 times a second however fast messages come: changes only mark topics dirty, and one
 * requestAnimationFrame callback (no sooner than 1/30 s after the previous render) hands the dirty set to the
 * page. While the tab is hidden nothing renders; on return the page catches up in one render.
 */
export const MAX_RENDERS_PER_SECOND = 30;
const MIN_GAP_MS = 1000 / MAX_RENDERS_PER_SECOND;

export class RenderScheduler {
    constructor(store, render) {
        this.store = store;
        this.render = render;
        this.frame = null;
        this.delay = null;
        this.lastRenderAt = 0;
        this.hiddenSince = document.hidden ? performance.now() : null;
        this.renderTimes = [];
        store.onDirty = () => this.request();
        document.addEventListener('visibilitychange', () => {
            if (document.hidden) {
                this.hiddenSince = performance.now();
            } else {
                this.request();
            }
        });
    }

    request() {
        if (this.frame !== null || this.delay !== null || document.hidden) return;
        const wait = this.lastRenderAt + MIN_GAP_MS - performance.now();
        if (wait > 0) {
            this.delay = setTimeout(() => {
                this.delay = null;
                this.request();
            }, wait);
            return;
        }
        this.frame = requestAnimationFrame(() => this.run());
    }

    run() {
        this.frame = null;
        if (document.hidden) return;
        const dirty = new Set(this.store.dirty);
        this.store.dirty.clear();
        const start = performance.now();
        this.lastRenderAt = start;
        try {
            this.render(dirty);
        } finally {
            const end = performance.now();
            this.store.perf.renders++;
            this.store.perf.renderMs = end - start;
            this.renderTimes.push(end);
            const caughtUp = this.hiddenSince !== null;
            this.hiddenSince = null;
            this.store.shown(Date.now(), caughtUp);
        }
    }

    /** Renders in the last second. */
    rendersPerSecond() {
        const since = performance.now() - 1000;
        this.renderTimes = this.renderTimes.filter((t) => t >= since);
        return this.renderTimes.length;
    }
}
