import {h, formatValue} from '../../ui/dom.js';

const COLUMNS = ['When', 'What', 'Group', 'Value', 'Threshold', 'Message', 'Deliveries'];

/** A delivery's outcome in a few words: its channel, its status, and the last attempt's error when it failed. */
function delivery(d) {
    const attempts = d.attempts || [];
    const last = attempts[attempts.length - 1];
    const text = d.channel + ': ' + d.status + (attempts.length > 1 ? ' after ' + attempts.length + ' attempts' : '')
        + (last && last.error && d.status !== 'delivered' ? ' (' + last.error + ')' : '');
    return h('li', {'data-channel': d.channel, 'data-status': d.status, text});
}

/**
 * The history of a rule (GET .../alerts/{id}/history): where its groups stand now, then what fired, resolved or
 * was tested, newest first, with the value, the threshold and every channel's delivery.
 */
export function historyView(rule, history) {
    const states = history.states.length ? history.states.map((s) => h('li', {class: 'light',
        'data-state': s.phase, text: (s.group || 'the workspace') + ': ' + s.phase + ' since '
            + new Date(s.since).toLocaleTimeString() + (s.value === undefined ? '' : ' · ' + formatValue(s.value))}))
        : [h('li', {class: 'light', 'data-state': 'normal', text: 'normal: it has not been pending or firing yet'})];
    const rows = history.events.map((e) => h('tr', {'data-kind': e.kind, 'data-event': e.id},
        h('th', {scope: 'row', text: new Date(e.at).toLocaleString()}), h('td', {class: 'kind', text: e.kind}),
        h('td', {text: e.group || '–'}), h('td', {class: 'value', text: formatValue(e.value)}),
        h('td', {text: formatValue(e.threshold)}), h('td', {text: e.message}),
        h('td', {}, h('ul', {class: 'deliveries'}, (e.deliveries || []).map(delivery)))));
    return h('div', {id: 'rule-history', 'data-rule': rule.id, 'data-events': history.events.length},
        h('h3', {text: 'History of ' + rule.name}), h('ul', {class: 'lights', id: 'rule-states'}, states),
        rows.length ? h('table', {class: 'figures history'},
            h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col', text: c})))), h('tbody', {}, rows))
            : h('p', {text: 'Nothing has fired yet.'}));
}
