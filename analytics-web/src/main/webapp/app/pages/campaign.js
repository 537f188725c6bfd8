import {h, Cards, figureTable} from '../ui/dom.js';
import {get} from '../live/api.js';

const FIELDS = [['impressions', 'Impressions'], ['clicks', 'Clicks'], ['conversions', 'Conversions'],
    ['ctr', 'CTR %'], ['conversionRate', 'Conversion %'], ['totalSpent', 'Spent'], ['cpc', 'CPC'], ['cpa', 'CPA'],
    ['engagementRate', 'Engagement %'], ['averageViewTime', 'Avg. view time (s)'], ['bounceRate', 'Bounce %'],
    ['adPlaybacks', 'Ad playbacks'], ['completionRate', 'Completion %'], ['skipRate', 'Skip %']];
const DAY_COLUMNS = ['date', 'impressions', 'clicks', 'conversions', 'ctr', 'conversionRate', 'spent', 'cpc', 'cpa'];

/**
 * One campaign: every RealTimeMetrics field live (from the pushed campaigns, the server's default window) and
 * its daily history from /analytics/daily (the last 30 UTC days).
 */
export default {
    path: '/campaign/:id',
    title: 'Campaign',
    nav: false,
    mount(root, app, params) {
        const id = params.id;
        const cards = new Cards(FIELDS, {idPrefix: 'campaign-'});
        const history = h('div', {id: 'campaign-history', text: 'Loading the daily history…'});
        const note = h('p', {class: 'stamp'});
        const live = h('section', {class: 'panel', 'aria-labelledby': 'campaign-title'},
            h('div', {class: 'panel-head'}, h('h2', {id: 'campaign-title', text: 'Campaign ' + id}),
                h('a', {href: '#/', text: '← back to the dashboard'})), cards.root, note);
        root.append(live, h('section', {class: 'panel', 'aria-labelledby': 'history-title'},
            h('h2', {id: 'history-title', text: 'Daily history'}), history));
        get('/api/campaigns/' + encodeURIComponent(id) + '/analytics/daily').then((days) => {
            history.replaceChildren(figureTable('Per UTC day, newest first',
                [...days].reverse().map((d) => DAY_COLUMNS.map((c) => d[c])), DAY_COLUMNS));
        }, (e) => history.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message})));

        function render() {
            const list = app.store.campaigns ? app.store.campaigns.campaigns : [];
            const c = list.find((x) => x.campaignId === id);
            live.classList.toggle('stale', app.channels.socket.stale);
            if (c) {
                cards.update(c);
                note.textContent = 'Last ' + Math.round(app.store.campaigns.timeWindow / 60) + ' min, as of '
                    + new Date(c.timestamp).toLocaleTimeString();
            } else {
                note.textContent = 'No event of this campaign in the last '
                    + Math.round(((app.store.campaigns || {}).timeWindow || 3600) / 60) + ' min.';
            }
        }
        render();
        return {
            render(dirty) {
                if (dirty.has('metrics') || dirty.has('channels') || dirty.has('all')) render();
            },
            unmount() {},
        };
    },
};
