import {h, Cards} from '../ui/dom.js';
import {perSecondChart, perMinuteChart, CHART_TYPES} from '../ui/charts.js';
import {get} from '../live/api.js';
import {CampaignTable} from './dashboard/campaign-table.js';
import {EventFeed} from './dashboard/event-feed.js';
import {CategoryPanels} from './dashboard/categories.js';

export const WINDOWS = [[300, '5 min'], [1800, '30 min'], [3600, '1 hour'], [86400, '24 hours']];
const SUMMARY = [['totalImpressions', 'Impressions'], ['totalClicks', 'Clicks'], ['totalConversions', 'Conversions'],
    ['overallCtr', 'CTR %'], ['overallConversionRate', 'Conversion %'], ['totalSpent', 'Spent'],
    ['activeCampaigns', 'Active campaigns']];
const STATS = [['activeUsers', 'Active users (15 min)'], ['onlineUsers', 'Online (5 min)'],
    ['activeSessions', 'Active sessions'], ['messagesLastHour', 'Messages, last hour'],
    ['messagesToday', 'Messages today'], ['activeChannels', 'Active channels'],
    ['activeOrchestrators', 'Active orchestrators'], ['tasksInProgress', 'Tasks in progress']];
const CHART_EVERY_MS = 250;
const POLL_EVERY_MS = 2000;

/** Events plotted: the sum of every series but the times. */
function total(data) {
    return data.slice(1).reduce((sum, ys) => sum + ys.reduce((a, b) => a + b, 0), 0);
}

function section(id, title, ...children) {
    return h('section', {class: 'panel', id, 'aria-labelledby': id + '-title'},
        h('h2', {id: id + '-title', text: title}), ...children);
}

/**
 * The live dashboard (document 004 and the campaign document 003): summary cards for a chosen window, live
 * charts, the campaign table, the event feed, the workspace stats of document 001 and the other categories.
 * The pushed figures are those of the server's default window; another window is read over REST whenever a push
 * says the figures moved (at most every 2 s).
 */
export default {
    path: '/',
    title: 'Live dashboard',
    mount(root, app) {
        const {store, channels} = app;
        let windowSeconds = Number(sessionStorage.getItem('analytics.window')) || 3600;
        let polled = null;
        let lastPoll = 0;
        let pollTimer = null;

        const select = h('select', {id: 'time-window', onchange: () => {
            windowSeconds = Number(select.value);
            sessionStorage.setItem('analytics.window', String(windowSeconds));
            polled = null;
            poll(true);
            renderSummary();
        }}, WINDOWS.map(([s, name]) => h('option', {value: String(s), text: name, selected: s === windowSeconds})));
        const summaryTitle = h('h2', {id: 'summary-title'});
        const summary = new Cards(SUMMARY, {idPrefix: 'card-'});
        const summarySection = h('section', {class: 'panel', id: 'summary', 'aria-labelledby': 'summary-title'},
            h('div', {class: 'panel-head'}, summaryTitle,
                h('label', {for: 'time-window', text: 'Window '}), select), summary.root);

        const secondTarget = h('div', {class: 'chart', id: 'chart-seconds'});
        const minuteTarget = h('div', {class: 'chart', id: 'chart-minutes'});
        const table = new CampaignTable(app);
        const feed = new EventFeed(store);
        const stats = new Cards(STATS, {idPrefix: 'stat-'});
        const eventCounts = h('div', {id: 'event-counts'});
        const statsStamp = h('p', {class: 'stamp'});
        const categories = new CategoryPanels();

        const statsSection = section('workspace', 'Workspace activity (SSE)', stats.root, eventCounts, statsStamp);
        const liveSections = [summarySection, section('campaigns', 'Campaigns', table.root)];
        root.append(summarySection,
            section('charts', 'Live charts', secondTarget, minuteTarget),
            liveSections[1],
            section('feed', 'Live events', feed.root),
            statsSection,
            categories.root);

        const secondChart = perSecondChart(secondTarget, store.perSecond(CHART_TYPES));
        const minuteChart = perMinuteChart(minuteTarget, store.perMinute());
        let lastChart = 0;
        const tick = setInterval(() => store.mark('charts'), 1000);

        function pushedWindow() {
            return store.campaigns ? store.campaigns.timeWindow : 3600;
        }

        async function poll(force) {
            if (windowSeconds === pushedWindow()) return;
            const now = Date.now();
            if (!force && now - lastPoll < POLL_EVERY_MS) {
                if (!pollTimer) pollTimer = setTimeout(() => { pollTimer = null; poll(); }, POLL_EVERY_MS);
                return;
            }
            lastPoll = now;
            try {
                polled = await get('/api/analytics/real-time/dashboard?timeWindow=' + windowSeconds);
                store.mark('metrics');
            } catch (e) {
                store.serverError({code: 'poll', message: e.message});
            }
        }

        function figures() {
            if (windowSeconds === pushedWindow()) {
                return {summary: store.dashboard, campaigns: store.campaigns ? store.campaigns.campaigns : null};
            }
            return polled ? {summary: polled.summary, campaigns: polled.campaigns} : {summary: null, campaigns: null};
        }

        function renderSummary() {
            const name = WINDOWS.find(([s]) => s === windowSeconds);
            summaryTitle.textContent = 'Last ' + (name ? name[1] : windowSeconds + ' s');
            const f = figures();
            summary.update(f.summary);
            table.update(f.campaigns);
        }

        function markStale() {
            const socketStale = channels.socket.stale;
            liveSections.forEach((s) => s.classList.toggle('stale', socketStale));
            categories.root.classList.toggle('stale', socketStale);
            statsSection.classList.toggle('stale', channels.stream.stale);
        }

        return {
            render(dirty) {
                if (dirty.has('metrics')) {
                    if (windowSeconds !== pushedWindow()) poll();
                    renderSummary();
                    categories.update(store.categories);
                }
                if (dirty.has('events') || dirty.has('feed')) feed.render();
                if ((dirty.has('events') || dirty.has('charts')) && performance.now() - lastChart >= CHART_EVERY_MS) {
                    lastChart = performance.now();
                    const seconds = store.perSecond(CHART_TYPES);
                    const minutes = store.perMinute();
                    secondChart.setData(seconds);
                    minuteChart.setData(minutes);
                    secondTarget.dataset.points = String(total(seconds));
                    minuteTarget.dataset.points = String(total(minutes));
                } else if (dirty.has('events')) {
                    store.mark('charts');
                }
                if (dirty.has('stats') && store.workspaceStats) {
                    stats.update(store.workspaceStats);
                    const counts = store.workspaceStats.eventCounts || {};
                    eventCounts.replaceChildren(categories.table('Events today by type',
                        Object.entries(counts).sort((a, b) => b[1] - a[1]), ['Event type', 'Events']));
                    statsStamp.textContent = 'As of ' + new Date(store.workspaceStats.timestamp).toLocaleTimeString();
                }
                if (dirty.has('channels') || dirty.has('all')) markStale();
                if (dirty.has('all')) {
                    renderSummary();
                    categories.update(store.categories);
                    feed.render(true);
                    if (store.workspaceStats) { store.mark('stats'); }
                }
            },
            unmount() {
                clearInterval(tick);
                clearTimeout(pollTimer);
                secondChart.stopResizing();
                minuteChart.stopResizing();
                secondChart.destroy();
                minuteChart.destroy();
            },
        };
    },
};
