import {h, Cards} from '../ui/dom.js';
import {LoadDriver, SCENARIOS} from './test/load-driver.js';

const MEASURES = [['updatesPerSecond', 'Updates/s received'], ['rendersPerSecond', 'Renders/s'],
    ['renderMs', 'Last render (ms)'], ['fps', 'Frames/s'], ['latencyP50', 'Ingest→screen p50 (ms)'],
    ['latencyP99', 'Ingest→screen p99 (ms)'], ['heapMb', 'JS heap (MB)'], ['errors', 'Errors']];
const SENT = [['generated', 'Events stored'], ['rejected', 'Invalid events refused']];

/**
 * The test dashboard (document 004's /dashboard/test): runs a scenario on the simulator (its rate, its share of
 * invalid events) and shows what this browser measures while it runs.
 */
export default {
    path: '/test',
    title: 'Test dashboard',
    mount(root, app) {
        const driver = app.driver || (app.driver = new LoadDriver(app));
        const scenario = h('select', {id: 'scenario'}, Object.entries(SCENARIOS).map(([name, s]) =>
            h('option', {value: name, text: name + ' (every ' + s.updateInterval + ' ms, ' + s.errorRate * 100
                + '% invalid)', selected: name === driver.scenario})));
        const state = h('p', {id: 'scenario-state', role: 'status', 'aria-live': 'polite'});
        const start = h('button', {type: 'button', id: 'scenario-start', text: 'Start',
            onclick: () => driver.start(scenario.value)});
        const stop = h('button', {type: 'button', id: 'scenario-stop', text: 'Stop',
            onclick: () => driver.stop()});
        const reset = h('button', {type: 'button', id: 'scenario-reset', text: 'Reset',
            onclick: () => driver.reset()});
        const measures = new Cards(MEASURES, {idPrefix: 'measure-'});
        const sent = new Cards(SENT, {idPrefix: 'sent-'});
        const latest = h('p', {id: 'latest-event', class: 'stamp', 'aria-live': 'off'});
        root.append(
            h('section', {class: 'panel', 'aria-labelledby': 'scenario-title'},
                h('h2', {id: 'scenario-title', text: 'Load scenario'}),
                h('div', {class: 'toolbar'}, h('label', {for: 'scenario', text: 'Scenario '}), scenario,
                    start, stop, reset), state),
            h('section', {class: 'panel', 'aria-labelledby': 'measured-title'},
                h('h2', {id: 'measured-title', text: 'Measured in this browser'}), measures.root, latest),
            h('section', {class: 'panel', 'aria-labelledby': 'sent-title'},
                h('h2', {id: 'sent-title', text: 'The simulation'}), sent.root));

        let frames = 0;
        let frameLoop = requestAnimationFrame(function count() {
            frames++;
            frameLoop = requestAnimationFrame(count);
        });
        let fps = 0;
        let lastUpdates = app.store.perf.updates;
        let updatesPerSecond = 0;
        const sampler = setInterval(() => {
            fps = frames;
            frames = 0;
            updatesPerSecond = Math.max(0, app.store.perf.updates - lastUpdates);
            lastUpdates = app.store.perf.updates;
            app.store.mark('perf');
        }, 1000);

        function render() {
            const p = app.measure();
            measures.update({...p, fps, updatesPerSecond});
            sent.update(driver.counts);
            state.textContent = driver.describe();
            start.disabled = driver.running;
            stop.disabled = !driver.running;
            const e = app.store.events[0];
            latest.textContent = e ? 'Latest event: ' + e.event_type + ' of ' + e.entity_id + ' (sequence '
                + e.sequence + ')' : 'No event yet.';
        }
        render();
        return {
            render,
            unmount() {
                cancelAnimationFrame(frameLoop);
                clearInterval(sampler);
            },
        };
    },
};
