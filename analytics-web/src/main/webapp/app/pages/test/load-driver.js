import {post, ApiError} from '../../live/api.js';

/** Document 004's load scenarios: an update every updateInterval ms, errorRate of them invalid. */
export const SCENARIOS = {
    normal: {updateInterval: 5000, errorRate: 0.01},
    high_frequency: {updateInterval: 1000, errorRate: 0.02},
    stress_test: {updateInterval: 100, errorRate: 0.05},
};
const CAMPAIGNS = ['test_alpha', 'test_beta', 'test_gamma'];
const TYPES = ['impression', 'impression', 'impression', 'view', 'engagement', 'click', 'conversion'];
const MAX_IN_FLIGHT = 4;

/**
 * Drives load from the page: each tick asks the simulator for a burst of events (POST
 * /api/analytics/real-time/simulate, action burst), or, for errorRate of the ticks, posts an invalid event
 * (an unknown type) that ingest must refuse with 400. When the server has no simulator (404), it posts one
 * generated event per tick to the ingest endpoint instead and says so. Needs a member token.
 */
export class LoadDriver {
    constructor(app) {
        this.app = app;
        this.scenario = 'normal';
        this.timer = null;
        this.inFlight = 0;
        this.direct = false;
        this.lastError = null;
        this.reset();
    }

    get running() {
        return this.timer !== null;
    }

    start(name) {
        this.stop();
        this.scenario = name;
        this.lastError = null;
        this.timer = setInterval(() => this.tick(), SCENARIOS[name].updateInterval);
        this.tick();
    }

    stop() {
        clearInterval(this.timer);
        this.timer = null;
    }

    reset() {
        this.stop();
        this.counts = {ticks: 0, generated: 0, invalid: 0, rejected: 0, failed: 0, skipped: 0};
        if (this.app.store) this.app.store.resetPerf();
    }

    describe() {
        const s = SCENARIOS[this.scenario];
        const how = this.direct ? 'posting events directly (this server has no simulator)' : 'through the simulator';
        const what = this.scenario + ': an update every ' + s.updateInterval + ' ms, ' + s.errorRate * 100 + '% invalid, '
            + how;
        if (this.lastError) return (this.running ? 'Running ' : 'Stopped ') + what + '. Last error: ' + this.lastError;
        return (this.running ? 'Running ' : 'Stopped. Last scenario ') + what + '.';
    }

    async tick() {
        if (this.inFlight >= MAX_IN_FLIGHT) {
            this.counts.skipped++;
            return;
        }
        this.counts.ticks++;
        this.inFlight++;
        try {
            if (Math.random() < SCENARIOS[this.scenario].errorRate) {
                await this.invalid();
            } else if (this.direct) {
                await this.direct1();
            } else {
                await this.burst();
            }
        } catch (e) {
            this.counts.failed++;
            this.lastError = e.message;
            if (e instanceof ApiError && (e.status === 401 || e.status === 403)) this.stop();
        } finally {
            this.inFlight--;
        }
    }

    async burst() {
        try {
            const answer = await post('/api/analytics/real-time/simulate', {action: 'burst', campaignIds: CAMPAIGNS,
                options: {count: 1}});
            this.counts.generated += (answer.simulation && answer.simulation.generated) || 0;
        } catch (e) {
            if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
                this.direct = true;
                await this.direct1();
                return;
            }
            throw e;
        }
    }

    async direct1() {
        const campaignId = CAMPAIGNS[Math.floor(Math.random() * CAMPAIGNS.length)];
        const eventType = TYPES[Math.floor(Math.random() * TYPES.length)];
        await post('/api/analytics/real-time', {event: {eventType, campaignId,
            organizationId: this.app.session.workspaceId, timestamp: Date.now(),
            value: eventType === 'click' ? 0.25 : eventType === 'conversion' ? 12.5 : 0,
            metadata: {simulated: true, scenario: this.scenario, sessionId: 'test_' + Math.floor(Math.random() * 50)}}});
        this.counts.generated++;
    }

    async invalid() {
        this.counts.invalid++;
        try {
            await post('/api/analytics/real-time', {event: {eventType: 'invalid_on_purpose', campaignId: CAMPAIGNS[0],
                organizationId: this.app.session.workspaceId, metadata: {simulated: true}}});
            throw new Error('an invalid event was accepted');
        } catch (e) {
            if (e instanceof ApiError && e.status === 400) {
                this.counts.rejected++;
                return;
            }
            throw e;
        }
    }
}
