// The live dashboard: campaign metrics over the /ws/realtime WebSocket (reconnecting with a 1.5x backoff up to
// 30 s, as the dashboard contract says) and workspace activity over the SSE stream. Browsers cannot set headers on
// WebSocket and EventSource, so the token goes in the access_token query parameter. It comes from the login field
// or from the URL fragment (#token=...), which never reaches the server; it is kept for the tab's session only.
(function () {
    'use strict';

    const MAX_BACKOFF_MS = 30000;
    const el = (id) => document.getElementById(id);
    const number = new Intl.NumberFormat();
    const money = new Intl.NumberFormat(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 2});

    let socket = null;
    let stream = null;
    let backoff = 1000;
    let reconnectTimer = null;
    let org = null;
    let token = null;

    function setStatus(state) {
        const s = el('status');
        s.textContent = state;
        s.className = 'status ' + state;
    }

    function showSummary(summary) {
        el('totalImpressions').textContent = number.format(summary.totalImpressions);
        el('totalClicks').textContent = number.format(summary.totalClicks);
        el('totalConversions').textContent = number.format(summary.totalConversions);
        el('overallCtr').textContent = money.format(summary.overallCtr);
        el('totalSpent').textContent = money.format(summary.totalSpent);
        el('activeCampaigns').textContent = number.format(summary.activeCampaigns);
    }

    function cell(text) {
        const td = document.createElement('td');
        td.textContent = text;
        return td;
    }

    function showCampaigns(campaigns) {
        const body = el('campaigns');
        body.replaceChildren();
        if (campaigns.length === 0) {
            const tr = document.createElement('tr');
            const td = cell('No campaign events in the last hour.');
            td.colSpan = 9;
            tr.append(td);
            body.append(tr);
            return;
        }
        for (const c of campaigns) {
            const tr = document.createElement('tr');
            tr.append(cell(c.campaignId), cell(number.format(c.impressions)), cell(number.format(c.clicks)),
                cell(number.format(c.conversions)), cell(money.format(c.ctr)), cell(money.format(c.conversionRate)),
                cell(money.format(c.totalSpent)), cell(money.format(c.cpc)), cell(money.format(c.cpa)));
            body.append(tr);
        }
    }

    function showStats(stats) {
        el('activeUsers').textContent = number.format(stats.activeUsers);
        el('onlineUsers').textContent = number.format(stats.onlineUsers);
        el('activeSessions').textContent = number.format(stats.activeSessions);
        const today = Object.values(stats.eventCounts || {}).reduce((a, b) => a + b, 0);
        el('eventsToday').textContent = number.format(today);
    }

    function connectSocket() {
        const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        setStatus('connecting');
        socket = new WebSocket(scheme + location.host + '/ws/realtime?access_token=' + encodeURIComponent(token));
        socket.onopen = () => {
            backoff = 1000;
            setStatus('connected');
            socket.send(JSON.stringify({
                type: 'subscribe',
                data: {metrics: ['dashboard', 'campaigns'], events: ['campaign'], notifications: true,
                    real_time_updates: true, organizationId: org}
            }));
        };
        socket.onmessage = (message) => {
            const m = JSON.parse(message.data);
            if (m.type === 'metrics_update') {
                if (m.data.dashboard) showSummary(m.data.dashboard);
                if (m.data.campaigns) showCampaigns(m.data.campaigns.campaigns);
            } else if (m.type === 'error') {
                console.warn('server error', m.data);
            }
        };
        socket.onclose = () => {
            setStatus('disconnected');
            scheduleReconnect();
        };
    }

    function scheduleReconnect() {
        clearTimeout(reconnectTimer);
        reconnectTimer = setTimeout(connectSocket, backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 1.5);
    }

    function openStream() {
        stream = new EventSource('/api/workspaces/' + encodeURIComponent(org) + '/analytics/realtime?access_token='
            + encodeURIComponent(token));
        stream.addEventListener('stats', (e) => showStats(JSON.parse(e.data)));
    }

    /** The workspace a token belongs to (its ws claim), or null; the server checks the token, not this. */
    function workspaceOf(jwt) {
        try {
            const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            return JSON.parse(atob(payload)).ws || null;
        } catch (e) {
            return null;
        }
    }

    function watch(workspace, accessToken) {
        org = workspace;
        token = accessToken;
        sessionStorage.setItem('analytics.token', token);
        history.replaceState(null, '', '?org=' + encodeURIComponent(org));
        clearTimeout(reconnectTimer);
        if (socket) {
            socket.onclose = null;
            socket.close();
        }
        if (stream) stream.close();
        backoff = 1000;
        connectSocket();
        openStream();
    }

    el('tenant').addEventListener('submit', (e) => {
        e.preventDefault();
        watch(el('org').value.trim(), el('token').value.trim());
    });

    const fragment = new URLSearchParams(location.hash.substring(1)).get('token');
    const initialToken = fragment || sessionStorage.getItem('analytics.token');
    const initialOrg = new URLSearchParams(location.search).get('org') || (initialToken && workspaceOf(initialToken));
    if (initialToken) {
        el('token').value = initialToken;
    }
    if (initialOrg) {
        el('org').value = initialOrg;
    }
    if (initialToken && initialOrg) {
        watch(initialOrg, initialToken);
    }
})();
