import {h, formatValue} from '../ui/dom.js';
import {get, post, request} from '../live/api.js';
import {RuleForm} from './alerts/rule-form.js';
import {PreviewChart} from './alerts/preview-chart.js';
import {historyView} from './alerts/history.js';
import {systemAlertsView} from './alerts/system-alerts.js';

const COLUMNS = ['Name', 'Metric', 'Condition', 'State', 'Value', ''];
const RANK = {firing: 3, pending: 2, resolved: 1, normal: 0};
const REFRESH_MS = 3000;

/** The rule's state across its groups: the most urgent one (firing before pending before resolved). */
function stateOf(rule) {
    const states = rule.states || [];
    return states.reduce((worst, s) => (RANK[s.phase] > RANK[worst.phase] ? s : worst), {phase: 'normal'});
}

function conditionText(c) {
    if (c.kind === 'above' || c.kind === 'below') return c.kind + ' ' + formatValue(c.threshold);
    if (c.kind === 'anomaly') return 'anomaly, z ≥ ' + c.zScore;
    return c.kind + ' ' + c.percent + ' % vs ' + (c.compareTo || 'previous_window').replace(/_/g, ' ');
}

/**
 * Alert rules (issue 13 §5), for the workspace's admins: the rules with where each stands (refreshed every few
 * seconds and at once when a notification arrives), an editor to create, change, test and delete one with the
 * backtest's chart of the last 24 h, the history of the selected rule, and the built-in system alerts' states. #/alerts/{id} opens a rule, which is
 * where an alert's notification links to. Anyone else gets the server's 403 on screen.
 */
export default {
    path: '/alerts',
    title: 'Alerts',
    mount(root, app, params) {
        const base = '/api/workspaces/' + encodeURIComponent(app.session.workspaceId) + '/alerts';
        const error = h('p', {class: 'error', id: 'alerts-error', role: 'alert', hidden: true});
        const notice = h('p', {class: 'stamp', id: 'alerts-notice', role: 'status'});
        const list = h('div', {id: 'rule-list', text: 'Loading the alert rules…'});
        const editorTitle = h('h2', {id: 'editor-title', text: 'New rule'});
        const editor = h('div', {id: 'rule-editor', text: 'Loading the metrics…'});
        const historyPanel = h('div', {id: 'history'});
        const systemPanel = h('div', {id: 'system-alerts', text: 'Loading the system alerts…'});
        const chart = new PreviewChart();
        let selected = params && params.id ? params.id : null;
        let rules = [];
        let form = null;
        const newest = () => (app.store.notifications[0] || {}).id;
        let lastNotification = newest();

        root.append(error,
            h('section', {class: 'panel', 'aria-labelledby': 'rules-title'},
                h('div', {class: 'panel-head'}, h('h2', {id: 'rules-title', text: 'Alert rules'}),
                    h('button', {type: 'button', id: 'new-rule', text: 'New rule', onclick: () => select(null)})),
                list),
            h('section', {class: 'panel', 'aria-labelledby': 'editor-title'}, editorTitle, notice, editor),
            h('section', {class: 'panel', 'aria-labelledby': 'history-title'},
                h('h2', {id: 'history-title', text: 'History'}), historyPanel),
            h('section', {class: 'panel', 'aria-labelledby': 'system-title'},
                h('h2', {id: 'system-title', text: 'System alerts'}), systemPanel));

        function showError(message) {
            error.textContent = message;
            error.hidden = !message;
        }

        function say(text) {
            notice.textContent = text;
        }

        const buttons = () => h('p', {class: 'actions'},
            h('button', {type: 'submit', id: 'save-rule', text: selected ? 'Save' : 'Create'}), ' ',
            h('button', {type: 'button', id: 'preview-rule', text: 'Preview', onclick: preview}), ' ',
            selected ? h('button', {type: 'button', id: 'test-rule', text: 'Send a test', onclick: test}) : null, ' ',
            selected ? h('button', {type: 'button', id: 'delete-rule', text: 'Delete', onclick: remove}) : null);

        function select(id) {
            selected = id;
            const rule = rules.find((r) => r.id === id) || null;
            if (id && !rule) selected = null;
            const wanted = '#/alerts' + (selected ? '/' + selected : '');
            // The address follows the selection without a hashchange, which would mount the page again.
            if (location.hash !== wanted) history.replaceState(null, '', wanted);
            editorTitle.textContent = selected ? 'Edit ' + rule.name : 'New rule';
            form.fill(rule);
            form.root.querySelector('.actions').replaceWith(buttons());
            chart.clear();
            say('');
            showHistory();
            renderList();
        }

        async function save() {
            showError('');
            try {
                const saved = selected ? await request('PUT', base + '/' + selected, form.toRule())
                    : await post(base, form.toRule());
                await refresh();
                select(saved.id);
                say('Saved.');
            } catch (e) {
                showError(e.message);
            }
        }

        async function preview() {
            showError('');
            const rule = form.toRule();
            chart.clear('Replaying the last 24 h…');
            try {
                chart.show(await post(base + '/preview', rule), rule);
            } catch (e) {
                chart.clear();
                showError('No preview: ' + e.message);
            }
        }

        async function test() {
            showError('');
            try {
                const sent = await post(base + '/' + selected + '/test');
                say('A test went to ' + sent.channels + ' channel' + (sent.channels === 1 ? '' : 's') + '.');
                setTimeout(showHistory, 1000);
            } catch (e) {
                showError(e.message);
            }
        }

        async function remove() {
            showError('');
            try {
                await request('DELETE', base + '/' + selected);
                await refresh();
                select(null);
                say('Deleted.');
            } catch (e) {
                showError(e.message);
            }
        }

        async function showHistory() {
            if (!selected) {
                historyPanel.replaceChildren(h('p', {text: 'Select a rule to see what it fired and resolved.'}));
                return;
            }
            const id = selected;
            try {
                const answer = await get(base + '/' + id + '/history');
                const rule = rules.find((r) => r.id === id);
                if (id === selected && rule) historyPanel.replaceChildren(historyView(rule, answer));
            } catch (e) {
                historyPanel.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message}));
            }
        }

        async function refresh() {
            try {
                rules = await get(base);
                renderList();
            } catch (e) {
                list.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message}));
            }
            try {
                systemPanel.replaceChildren(systemAlertsView(await get(base + '/system')));
            } catch (e) {
                systemPanel.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message}));
            }
        }

        function renderList() {
            list.replaceChildren(rules.length ? h('table', {class: 'figures rules'},
                h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col', text: c})))),
                h('tbody', {}, rules.map(row))) : h('p', {text: 'No alert rule yet: create one below.'}));
        }

        function row(r) {
            const s = stateOf(r);
            const m = r.metric;
            return h('tr', {'data-rule': r.id, 'data-state': s.phase, class: r.id === selected ? 'selected' : null},
                h('th', {scope: 'row', text: r.name}),
                h('td', {text: m.field + ' of ' + (m.campaignId || (r.groupBy ? 'each campaign' : m.view))
                    + ' over ' + r.window}),
                h('td', {text: conditionText(r.condition)}),
                h('td', {class: 'state light', 'data-state': s.phase, text: s.phase
                    + (s.since && s.phase !== 'normal' ? ' since ' + new Date(s.since).toLocaleTimeString() : '')}),
                h('td', {class: 'value', text: formatValue(s.value)}),
                h('td', {}, h('button', {type: 'button', class: 'edit', text: 'Open', onclick: () => select(r.id)})));
        }

        async function start() {
            let fields = {};
            try {
                fields = await get(base + '/fields');
            } catch (e) {
                showError(e.message);
            }
            form = new RuleForm(fields, save);
            form.root.append(buttons());
            editor.replaceChildren(form.root, chart.root);
            await refresh();
            select(selected);
        }

        start();
        // States move with every evaluation: the list is read again every few seconds, the open history with it.
        const timer = setInterval(() => { refresh(); if (selected) showHistory(); }, REFRESH_MS);
        return {
            render(dirty) {
                // A notification is most likely an alert of this workspace: show its new state at once.
                if ((dirty.has('notifications') || dirty.has('all')) && newest() !== lastNotification) {
                    lastNotification = newest();
                    refresh();
                    if (selected) showHistory();
                }
            },
            unmount() {
                clearInterval(timer);
                chart.destroy();
            },
        };
    },
};
