import {h, formatValue} from '../../ui/dom.js';

const COLUMNS = ['Alert', 'State', 'Last value'];

/**
 * The built-in system alerts as the instance answering sees them (GET .../alerts/system): each one's state and last
 * value, the workspace's integrations' sync alerts among them. Their notifications go to the admins' dashboards.
 */
export function systemAlertsView(answer) {
    if (!answer.enabled) {
        return h('p', {text: 'The system alerts are switched off on this server (analytics.alerts.system.enabled).'});
    }
    return h('table', {class: 'figures system-alerts'},
        h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col', text: c})))),
        h('tbody', {}, answer.alerts.map((a) => h('tr', {'data-kind': a.kind, 'data-state': a.phase},
            h('th', {scope: 'row', text: a.title}),
            h('td', {class: 'state light', 'data-state': a.phase, text: a.phase
                + (a.since && a.phase !== 'normal' ? ' since ' + new Date(a.since).toLocaleTimeString() : '')}),
            h('td', {class: 'value', text: formatValue(a.value === undefined ? null
                : Number.isInteger(a.value) ? a.value : +a.value.toFixed(1))})))));
}
