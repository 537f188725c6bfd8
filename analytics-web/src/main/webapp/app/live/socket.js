import {LiveChannel} from './channel.js';

/** Every category and entity type the dashboard shows; the server sends only what a client subscribes to. */
export const METRICS = ['dashboard', 'campaigns', 'leads', 'social_media', 'ai_agents', 'system_health'];
export const ENTITY_TYPES = ['campaign', 'lead', 'payment', 'system', 'ai_agent'];

/**
 * The dashboard WebSocket, /ws/realtime. Subscribes on open, resuming after the last event sequence it saw
 * (the server replays what is still in its window, or says resume_gap). It counts as live from the answer to
 * its subscription on. Heartbeats come every 30 s, metrics and
 * events more often: 75 s of silence counts as a dropped connection.
 */
export class SocketChannel extends LiveChannel {
    constructor({session, store, checkCredential}) {
        super('WebSocket', {watchdogMs: 75000, checkCredential});
        this.session = session;
        this.store = store;
        this.socket = null;
        this.lastSequence = -1;
        this.recent = [];   // the last messages' type and sequence, for diagnostics (window.__analytics)
    }

    connect() {
        const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        const ws = new WebSocket(scheme + location.host + '/ws/realtime?access_token='
            + encodeURIComponent(this.session.token));
        this.socket = ws;
        ws.onopen = () => {
            const data = {metrics: METRICS, events: ENTITY_TYPES, notifications: true, real_time_updates: true,
                organizationId: this.session.workspaceId};
            if (this.lastSequence >= 0) data.lastSequence = this.lastSequence;
            ws.send(JSON.stringify({type: 'subscribe', data}));
        };
        ws.onmessage = (m) => {
            const message = JSON.parse(m.data);
            // Live once the subscription holds: the server answers subscribe with a metrics snapshot, and only
            // events after that reach this client (an open socket alone would claim too early).
            if (this.state !== 'live' && message.type !== 'heartbeat') this.opened();
            else this.received();
            this.handle(message);
        };
        ws.onclose = (e) => {
            if (this.socket !== ws) return;
            this.socket = null;
            this.dropped(e.code === 1008 && e.reason ? e.reason : e.code === 1013 ? 'the server found us lagging'
                : 'closed (' + e.code + ')');
        };
    }

    disconnect() {
        const ws = this.socket;
        this.socket = null;
        if (!ws) return;
        ws.onclose = null;
        ws.onmessage = null;
        if (ws.readyState === WebSocket.CONNECTING) {
            // Closing a socket mid-handshake aborts its TCP connection while the server may still be answering the
            // upgrade; once in the browser tests Payara then failed an unrelated request of the page with a 500
            // (two requests writing to one response object). Let the handshake finish, then close it normally.
            ws.onopen = () => ws.close();
            return;
        }
        ws.close();
    }

    handle(m) {
        this.store.countUpdate();
        this.recent.push(m.type + (typeof m.sequence === 'number' ? '#' + m.sequence : ''));
        if (this.recent.length > 20) this.recent.shift();
        if (typeof m.sequence === 'number') {
            if (m.sequence <= this.lastSequence) return;  // already seen before a resume
            this.lastSequence = m.sequence;
        }
        switch (m.type) {
            case 'metrics_update':
                this.store.metrics(m.data);
                break;
            case 'event':
                this.store.event(m.data, m.sequence);
                break;
            case 'notification':
                this.store.notification(m.data);
                break;
            case 'error':
                this.store.serverError(m.data || m);
                if ((m.data && m.data.code) === 'forbidden') this.stop(m.data.message);
                break;
            default:
                break;  // heartbeat and pong only keep the watchdog quiet
        }
    }
}
