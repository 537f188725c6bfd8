import {get, post} from '../../live/api.js';

/** Document 004's load scenarios: an update every updateInterval ms, errorRate of them invalid. */
export const SCENARIOS = {
    normal: {updateInterval: 5000, errorRate: 0.01},
    high_frequency: {updateInterval: 1000, errorRate: 0.02},
    stress_test: {updateInterval: 100, errorRate: 0.05},
};
const CAMPAIGNS = ['test_alpha', 'test_beta', 'test_gamma'];
const DURATION_MINUTES = 60;
const POLL_MS = 2000;

/**
 * Runs a scenario on the server's simulator: a continuous simulation (POST /api/analytics/real-time/simulate,
 * action start) at one event per updateInterval, errorRate of them invalid on purpose (ingest refuses those),
 * stopped by action stop. The server paces the events, so what the page measures is the dashboard, not its
 * own requests. Needs a member or admin token.
 */
export class LoadDriver {
    constructor(app) {
        this.app = app;
        this.scenario = 'normal';
        this.simulation = null;
        this.lastError = null;
        this.poller = null;
        this.counts = {generated: 0, rejected: 0};
    }

    get running() {
        return this.simulation !== null && this.simulation.status === 'running';
    }

    async start(name) {
        await this.stop();
        this.scenario = name;
        this.lastError = null;
        const s = SCENARIOS[name];
        try {
            const answer = await post('/api/analytics/real-time/simulate', {action: 'start', campaignIds: CAMPAIGNS,
                options: {eventsPerMinute: Math.round(60000 / s.updateInterval), duration: DURATION_MINUTES,
                    errorRate: s.errorRate}});
            this.simulation = answer.simulation;
            this.poller = setInterval(() => this.refresh(), POLL_MS);
        } catch (e) {
            this.lastError = e.message;
        }
        this.app.store.mark('perf');
    }

    async stop() {
        clearInterval(this.poller);
        this.poller = null;
        if (!this.running) return;
        try {
            const answer = await post('/api/analytics/real-time/simulate', {action: 'stop',
                simulationId: this.simulation.id});
            const stopped = (answer.simulations || []).find((x) => x.id === this.simulation.id);
            this.simulation = stopped || {...this.simulation, status: 'stopped'};
            this.take(this.simulation);
        } catch (e) {
            this.lastError = e.message;
            this.simulation = {...this.simulation, status: 'stopped'};
        }
        this.app.store.mark('perf');
    }

    async reset() {
        await this.stop();
        this.simulation = null;
        this.counts = {generated: 0, rejected: 0};
        this.app.store.resetPerf();
        this.app.store.mark('perf');
    }

    async refresh() {
        try {
            const answer = await get('/api/analytics/real-time/simulate');
            const mine = answer.simulations.find((x) => this.simulation && x.id === this.simulation.id);
            if (mine) {
                this.simulation = mine;
                this.take(mine);
            }
        } catch (e) {
            this.lastError = e.message;
        }
        this.app.store.mark('perf');
    }

    take(simulation) {
        this.counts = {generated: simulation.generated || 0, rejected: simulation.rejected || 0};
    }

    describe() {
        const s = SCENARIOS[this.scenario];
        const what = this.scenario + ': an event every ' + s.updateInterval + ' ms, ' + s.errorRate * 100 + '% invalid';
        const sim = this.simulation ? ' (simulation ' + this.simulation.id + ', ' + this.simulation.status + ')' : '';
        const error = this.lastError ? ' Last error: ' + this.lastError : '';
        return (this.running ? 'Running ' : 'Stopped. Last scenario ') + what + sim + '.' + error;
    }
}
