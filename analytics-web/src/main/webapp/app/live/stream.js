import {LiveChannel} from './channel.js';

/**
 * The workspace's SSE stream (document 001): stats every 5 s, pings every 30 s, each tracked event. The stream
 * is reopened by this class, not by the browser's own EventSource retry, so that it follows the same backoff and
 * shows the same states; the last event id goes back as the lastEventId parameter, since a page cannot set the
 * Last-Event-ID header itself. 15 s without stats counts as a dropped stream.
 */
export class StreamChannel extends LiveChannel {
    constructor({session, store, checkCredential}) {
        super('SSE', {watchdogMs: 15000, checkCredential});
        this.session = session;
        this.store = store;
        this.source = null;
        this.lastEventId = null;
    }

    connect() {
        let url = '/api/workspaces/' + encodeURIComponent(this.session.workspaceId) + '/analytics/realtime'
            + '?access_token=' + encodeURIComponent(this.session.token);
        if (this.lastEventId) url += '&lastEventId=' + encodeURIComponent(this.lastEventId);
        const source = new EventSource(url);
        this.source = source;
        const track = (e) => {
            this.received();
            this.store.countUpdate();
            if (e.lastEventId) this.lastEventId = e.lastEventId;
        };
        source.addEventListener('connected', (e) => {
            track(e);
            this.opened();
        });
        source.addEventListener('stats', (e) => {
            track(e);
            this.store.stats(JSON.parse(e.data));
        });
        source.addEventListener('ping', track);
        source.addEventListener('event', (e) => {
            track(e);
            this.store.streamEvent(JSON.parse(e.data));
        });
        source.onerror = () => {
            if (this.source !== source) return;
            this.disconnect();
            this.dropped('stream ended');
        };
    }

    disconnect() {
        const source = this.source;
        this.source = null;
        if (source) source.close();
    }
}
