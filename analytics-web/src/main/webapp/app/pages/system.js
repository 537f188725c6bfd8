import {h, Cards, figureTable, label, setText} from '../ui/dom.js';
import {get} from '../live/api.js';
import {openFeed} from '../live/feed-socket.js';
import {RollingChart} from './system/charts.js';

const COMPONENTS = ['backend', 'database', 'analysis_workers', 'cluster_feed'];
const FIGURES = [['cpuProcess', 'Process CPU %'], ['heapUsedMb', 'Heap used (MB)'], ['rssMb', 'RSS (MB)'],
    ['perSecond', 'Requests/s'], ['errorsPerSecond', 'Errors/s'], ['p99Ms', 'p99 (ms)'],
    ['eventsPerSecond', 'Ingested events/s'], ['websocket', 'WebSockets'], ['sse', 'SSE streams']];
const FEED_SIZE = 50;

/** A component's state, whatever the server names it: a string or an object with a status. */
function stateOf(c) {
    if (!c) return 'unknown';
    return typeof c === 'string' ? c : c.status || 'unknown';
}

function flat(s) {
    return {cpuProcess: s.cpu && s.cpu.process, ...s.memory, ...s.requests, ...s.ingest, ...s.connections};
}

/**
 * The system monitor (issue 12 §4): health lights per component, CPU, memory and request charts, the active
 * jobs and the activity feed. First GET /api/system/monitor, then system_status every 2 s and activity messages
 * from /ws (subscribe_system). A 403 or 404 (not an operator, or an instance without the monitor) leaves a
 * banner saying so.
 */
export default {
    path: '/system',
    title: 'System monitor',
    mount(root, app) {
        const banner = h('p', {class: 'error', id: 'monitor-error', role: 'alert', hidden: true});
        const overall = h('span', {class: 'light', id: 'overall', text: 'unknown'});
        const lights = new Map(COMPONENTS.map((c) => [c, h('li', {class: 'light', 'data-component': c,
            'data-state': 'unknown', text: label(c) + ': unknown'})]));
        const figures = new Cards(FIGURES, {idPrefix: 'sys-'});
        const cpuTarget = h('div', {class: 'chart', id: 'chart-cpu'});
        const memTarget = h('div', {class: 'chart', id: 'chart-memory'});
        const reqTarget = h('div', {class: 'chart', id: 'chart-requests'});
        const jobs = h('div', {id: 'active-jobs'});
        const activity = h('ol', {id: 'activity', class: 'feed'});
        const stamp = h('p', {class: 'stamp', id: 'monitor-stamp'});
        root.append(banner,
            h('section', {class: 'panel', id: 'health', 'aria-labelledby': 'health-title'},
                h('div', {class: 'panel-head'}, h('h2', {id: 'health-title', text: 'Health'}), overall),
                h('ul', {class: 'lights'}, [...lights.values()]), figures.root, stamp),
            h('section', {class: 'panel', 'aria-labelledby': 'sys-charts-title'},
                h('h2', {id: 'sys-charts-title', text: 'Resources'}), cpuTarget, memTarget, reqTarget),
            h('section', {class: 'panel', 'aria-labelledby': 'active-title'},
                h('h2', {id: 'active-title', text: 'Active jobs'}), jobs),
            h('section', {class: 'panel', 'aria-labelledby': 'activity-title'},
                h('h2', {id: 'activity-title', text: 'Activity'}), activity));

        const charts = [
            new RollingChart(cpuTarget, 'CPU %', '%', [
                {label: 'process', colour: '#1f77b4', pick: (s) => s.cpu && s.cpu.process},
                {label: 'system', colour: '#ff7f0e', pick: (s) => s.cpu && s.cpu.system}]),
            new RollingChart(memTarget, 'Memory (MB)', 'MB', [
                {label: 'heap used', colour: '#2ca02c', pick: (s) => s.memory && s.memory.heapUsedMb},
                {label: 'heap max', colour: '#7f7f7f', pick: (s) => s.memory && s.memory.heapMaxMb},
                {label: 'RSS', colour: '#9467bd', pick: (s) => s.memory && s.memory.rssMb}]),
            new RollingChart(reqTarget, 'Requests per second', 'req/s', [
                {label: 'requests', colour: '#1f77b4', pick: (s) => s.requests && s.requests.perSecond},
                {label: 'errors', colour: '#d62728', pick: (s) => s.requests && s.requests.errorsPerSecond}]),
        ];
        let updates = 0;
        let feed = null;

        function fail(message) {
            banner.textContent = message;
            banner.hidden = false;
        }

        function status(s) {
            banner.hidden = true;
            updates++;
            root.dataset.updates = String(updates);
            overall.dataset.state = s.status;
            setText(overall, s.status);
            for (const [c, li] of lights) {
                const state = stateOf(s.components && s.components[c]);
                li.dataset.state = state;
                setText(li, label(c) + ': ' + state);
            }
            figures.update(flat(s));
            charts.forEach((c) => c.push(s));
            const active = s.activeJobs || [];
            jobs.replaceChildren(active.length ? figureTable('Running or queued', active.map((j) =>
                [j.name || j.jobId || j.job_id, j.stage, j.progress]), ['Job', 'Stage', 'Progress %'])
                : h('p', {text: 'No active job.'}));
            setText(stamp, 'As of ' + new Date().toLocaleTimeString() + ' (update ' + updates + ')');
            if (s.activity && !activity.childElementCount) [...s.activity].reverse().forEach(addActivity);
        }

        function addActivity(a) {
            const at = a.at || a.timestamp;
            const when = at ? new Date(typeof at === 'number' && at < 1e12 ? at * 1000 : at).toLocaleTimeString() : '';
            activity.prepend(h('li', {'data-kind': a.kind || a.type || ''},
                h('span', {class: 'stamp', text: when + ' '}), a.message || a.kind));
            while (activity.childElementCount > FEED_SIZE) activity.lastChild.remove();
        }

        get('/api/system/monitor').then((s) => {
            status(s);
            feed = openFeed(app.session, [{type: 'subscribe_system'}], (m) => {
                if (m.type === 'system_status') status(m.data || m);
                else if (m.type === 'activity') addActivity(m.data || m);
                else if (m.type === 'error') fail('The live feed refused: ' + m.message);
            }, () => fail('The live feed closed; the figures above are no longer updated. Reload to reconnect.'));
        }, (e) => fail(e.status === 403 ? 'This token may not read the system monitor (operator or admin only): '
            + e.message : e.status === 404 ? 'This instance has no system monitor (GET /api/system/monitor answered 404).'
            : 'The system monitor cannot be read: ' + e.message));

        return {render() {}, unmount() {
            if (feed) feed.close();
            charts.forEach((c) => c.destroy());
        }};
    },
};
