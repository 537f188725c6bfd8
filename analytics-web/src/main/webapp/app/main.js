import {Session, tokenFromFragment} from './live/session.js';
import {Store, percentile} from './live/store.js';
import {SocketChannel} from './live/socket.js';
import {StreamChannel} from './live/stream.js';
import {RenderScheduler} from './ui/scheduler.js';
import {StatusBar} from './ui/status.js';
import {Notifications} from './ui/notifications.js';
import {h} from './ui/dom.js';
import {Router} from './router.js';
import {PAGES} from './pages/registry.js';

/**
 * The one-page app: sign-in, the shared live channels (one WebSocket, one SSE stream for every page), the
 * notification centre, and the router that mounts one page at a time. Pages read the shared store and render
 * when the scheduler says so.
 */
const $ = (id) => document.getElementById(id);
const session = new Session();
const store = new Store();
const checkCredential = () => session.check();
const channels = {
    socket: new SocketChannel({session, store, checkCredential}),
    stream: new StreamChannel({session, store, checkCredential}),
};
const app = {session, store, channels, measure};
let page = null;

const scheduler = new RenderScheduler(store, (dirty) => {
    if (dirty.has('notifications') || dirty.has('all')) notifications.render();
    if (page) page.render(dirty);
});
app.scheduler = scheduler;

Object.values(channels).forEach((c) => c.onState(() => {
    store.mark('channels');
    if (c.refused) refused(c.reason);
}));
new StatusBar($('statuses'), [channels.socket, channels.stream]);
const notifications = new Notifications({bell: $('bell'), count: $('unread'), panel: $('notification-centre'),
    list: $('notification-list'), dismissAll: $('dismiss-all'), toasts: $('toasts'), store});

/** What the browser measures, for the test dashboard, the browser tests and bench/dashboard. */
function measure() {
    const p = store.perf;
    const heap = performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null;
    return {updates: p.updates, renders: p.renders, rendersPerSecond: scheduler.rendersPerSecond(),
        renderMs: +p.renderMs.toFixed(2), latencyP50: percentile(p.latencies, 50),
        latencyP99: percentile(p.latencies, 99), latencySamples: p.latencies.length,
        heapMb: heap === null ? null : +heap.toFixed(1), errors: p.errors + uncaught};
}
let uncaught = 0;
window.addEventListener('error', () => { uncaught++; });
/** What a test or a developer looking at a stuck page wants to know first. */
function debug() {
    return {socket: channels.socket.state, stream: channels.stream.state, lastSequence: channels.socket.lastSequence,
        lastEventId: channels.stream.lastEventId, recent: channels.socket.recent, events: store.events.length,
        notifications: store.notifications.length, dashboard: store.dashboard, route: location.hash,
        signIn: $('signin').hidden ? null : $('signin-message').textContent};
}
window.__analytics = {measure, debug, store, channels};

function showSignIn(message) {
    $('signin').hidden = false;
    $('app').hidden = true;
    const m = $('signin-message');
    m.textContent = message || '';
    m.hidden = !message;
    $('token').focus();
}

function refused(message) {
    if (!session.signedIn) return;
    session.signOut(message);
    Object.values(channels).forEach((c) => c.stop(message));
    showSignIn('Signed out: ' + message);
}

async function signIn(token) {
    const button = $('signin-button');
    button.disabled = true;
    try {
        const dashboard = await session.signIn(token);
        store.metrics({dashboard: dashboard.summary, campaigns: {timeWindow: dashboard.timeWindow,
            campaigns: dashboard.campaigns}});
        $('signin').hidden = true;
        $('app').hidden = false;
        $('workspace').textContent = session.workspaceId + ' · ' + session.role;
        Object.values(channels).forEach((c) => c.start());
        router.resolve();
    } catch (e) {
        session.signOut();
        showSignIn(e.status === 401 ? 'The server refused this token: ' + e.message
            : e.status === 403 ? 'This token may not read the dashboard: ' + e.message : e.message);
    } finally {
        button.disabled = false;
    }
}

function mount(next, params) {
    if (!session.signedIn) return;
    if (page) page.unmount();
    const view = $('view');
    view.replaceChildren();
    document.title = next.title + ' — Analytics';
    for (const a of document.querySelectorAll('#nav a')) {
        if (a.dataset.path === next.path) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
    }
    page = next.mount(view, app, params);
    store.mark('all');
    $('view-title').textContent = next.title;
}

const router = new Router(PAGES, mount);
$('nav').append(...PAGES.filter((p) => p.nav !== false).map((p) =>
    h('a', {href: '#' + p.path, 'data-path': p.path, text: p.title})));

$('signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    signIn($('token').value.trim());
});
$('signout').addEventListener('click', () => {
    Object.values(channels).forEach((c) => c.stop('signed out'));
    session.signOut();
    if (page) page.unmount();
    page = null;
    showSignIn('Signed out.');
});

// The token leaves the address bar at once: it must not linger in history or screenshots.
const fragmentToken = tokenFromFragment(location.hash);
if (fragmentToken) history.replaceState(null, '', location.pathname + '#/');
const initial = fragmentToken || session.initialToken();
if (initial) signIn(initial);
else showSignIn();
