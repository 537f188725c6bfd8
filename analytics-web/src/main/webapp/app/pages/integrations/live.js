import {h, formatValue, label} from '../../ui/dom.js';

/**
 * The page's integration socket, /realtime-analytics/ws/{client_id} with a client_id of this tab's own: start_sync
 * and stop_sync per integration, and a panel per followed integration with its latest analytics_update figures,
 * its newest events and the last sync error. The socket lives while the page is mounted and does not retry; the
 * followed integrations are started again when the page is opened again.
 */
export function openIntegrationSocket(session, root, onError) {
    const clientId = 'dashboard-' + Math.random().toString(36).substring(2, 10);
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/realtime-analytics/ws/' + clientId + '?access_token='
        + encodeURIComponent(session.token));
    const panels = new Map();
    let closed = false;

    function send(message) {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
        else ws.addEventListener('open', () => ws.send(JSON.stringify(message)), {once: true});
    }

    ws.onmessage = (m) => {
        const message = JSON.parse(m.data);
        const panel = panels.get(String(message.integration_id));
        if (message.type === 'analytics_update' && panel) panel.update(message);
        else if (message.type === 'error' && panel) panel.fail(message.message);
        else if (message.type === 'error') onError(message.message);
    };
    ws.onclose = () => { if (!closed) onError('The live sync connection closed; open the page again to resume.'); };

    return {
        clientId,
        following: (id) => panels.has(String(id)),
        toggle(id, name) {
            const key = String(id);
            if (panels.has(key)) {
                send({type: 'stop_sync', integration_id: id});
                panels.get(key).root.remove();
                panels.delete(key);
                return;
            }
            const panel = new LivePanel(id, name);
            panels.set(key, panel);
            root.append(panel.root);
            send({type: 'start_sync', integration_id: id});
        },
        close() {
            closed = true;
            if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close();
            else ws.close();
        },
    };
}

/** One followed integration: its figures as a table, its newest events, its last error. */
class LivePanel {
    constructor(id, name) {
        this.updates = 0;
        this.figures = h('tbody');
        this.events = h('ol', {class: 'feed'});
        this.error = h('p', {class: 'error sync-error', role: 'alert', hidden: true});
        this.stamp = h('p', {class: 'stamp'});
        this.root = h('div', {class: 'live-integration', 'data-integration': id, 'data-updates': 0},
            h('h3', {text: name}), this.error,
            h('table', {class: 'figures'}, h('thead', {}, h('tr', {}, h('th', {scope: 'col', text: 'Metric'}),
                h('th', {scope: 'col', text: 'Value'}))), this.figures),
            this.events, this.stamp);
    }

    update(message) {
        this.updates++;
        this.root.dataset.updates = String(this.updates);
        this.error.hidden = true;
        const metrics = message.data.metrics || {};
        this.figures.replaceChildren(...Object.entries(metrics).filter(([, v]) => typeof v !== 'object' || v === null)
            .map(([k, v]) => h('tr', {'data-metric': k}, h('th', {scope: 'row', text: label(k)}),
                h('td', {text: formatValue(v)}))));
        for (const e of message.data.events || []) {
            this.events.prepend(h('li', {text: e.type + (e.timestamp ? ' · ' + e.timestamp : '')}));
        }
        while (this.events.children.length > 20) this.events.lastChild.remove();
        this.stamp.textContent = 'Updated ' + new Date(message.timestamp).toLocaleTimeString();
    }

    fail(text) {
        this.error.textContent = text;
        this.error.hidden = false;
    }
}
