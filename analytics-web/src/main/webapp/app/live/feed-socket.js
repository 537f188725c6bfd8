/**
 * A page's own connection to /ws (the jobs and system socket, apart from the dashboard's /ws/realtime): sends its
 * subscriptions on open and hands every message to the page. It lives only while its page is mounted, so it
 * does not retry; a page that needs the figures again after a drop reads them over REST.
 */
export function openFeed(session, subscriptions, onMessage, onClose) {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/ws?access_token=' + encodeURIComponent(session.token));
    let closed = false;
    ws.onopen = () => subscriptions.forEach((s) => ws.send(JSON.stringify(s)));
    ws.onmessage = (m) => onMessage(JSON.parse(m.data));
    ws.onclose = (e) => { if (!closed && onClose) onClose(e); };
    return {
        send: (message) => { if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message)); },
        close() {
            closed = true;
            // As in socket.js: closing mid-handshake can break an unrelated response of the page.
            if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close();
            else ws.close();
        },
    };
}
