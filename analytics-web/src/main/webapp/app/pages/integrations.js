import {h, formatValue, label} from '../ui/dom.js';
import {get, post, request} from '../live/api.js';
import {PROVIDERS, bodyOf} from './integrations/providers.js';
import {openIntegrationSocket} from './integrations/live.js';

const COLUMNS = ['Name', 'Provider', 'Every', 'State', 'Fresh', 'Last error', ''];

/**
 * Provider integrations (issue 11): the workspace's integrations from GET /api/workspaces/{id}/integrations with
 * each one's status (state, freshness, last error), a create form per provider, pause/resume, and live sync over
 * /realtime-analytics/ws/{client_id}: start_sync shows that integration's analytics_update figures and errors as
 * they arrive, stop_sync ends it. Admins only: anyone else gets the server's 403 on screen.
 */
export default {
    path: '/integrations',
    title: 'Integrations',
    mount(root, app) {
        const base = '/api/workspaces/' + encodeURIComponent(app.session.workspaceId) + '/integrations';
        const error = h('p', {class: 'error', id: 'integrations-error', role: 'alert', hidden: true});
        const list = h('div', {id: 'integration-list', text: 'Loading the integrations…'});
        const live = h('div', {id: 'live-sync'});
        const provider = h('select', {id: 'provider', onchange: () => showFields()},
            Object.keys(PROVIDERS).map((p) => h('option', {value: p, text: PROVIDERS[p].title})));
        const name = h('input', {id: 'integration-name', required: true, value: 'My integration'});
        const frequency = h('input', {id: 'sync-frequency', value: '5m', size: 6});
        const fields = h('div', {id: 'provider-fields'});
        const form = h('form', {id: 'create-integration', onsubmit: (e) => { e.preventDefault(); create(); }},
            h('label', {text: 'Provider '}, provider), h('label', {text: ' Name '}, name),
            h('label', {text: ' Every '}, frequency), fields,
            h('button', {type: 'submit', text: 'Create'}));
        root.append(error,
            h('section', {class: 'panel', 'aria-labelledby': 'integrations-title'},
                h('h2', {id: 'integrations-title', text: 'Integrations'}), list),
            h('section', {class: 'panel', 'aria-labelledby': 'live-title'},
                h('h2', {id: 'live-title', text: 'Live sync'}), live),
            h('section', {class: 'panel', 'aria-labelledby': 'create-title'},
                h('h2', {id: 'create-title', text: 'New integration'}), form));

        const socket = openIntegrationSocket(app.session, live, showError);

        function showError(message) {
            error.textContent = message;
            error.hidden = !message;
        }

        function showFields() {
            fields.replaceChildren(...PROVIDERS[provider.value].fields.map(([key, text, value]) =>
                h('label', {class: 'field'}, text + ' ', h('input', {name: key, value: value || '', size: 40}))));
            frequency.value = PROVIDERS[provider.value].frequency;
        }

        async function create() {
            showError('');
            const values = Object.fromEntries([...fields.querySelectorAll('input')].map((i) => [i.name, i.value]));
            try {
                await post(base, bodyOf(provider.value, name.value, frequency.value, values));
                refresh();
            } catch (e) {
                showError(e.message);
            }
        }

        async function refresh() {
            try {
                const integrations = (await get(base)).integrations;
                const statuses = await Promise.all(integrations.map((i) => get(base + '/' + i.id + '/status')
                    .catch(() => null)));
                list.replaceChildren(integrations.length ? table(integrations, statuses)
                    : h('p', {text: 'No integration yet.'}));
            } catch (e) {
                list.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message}));
            }
        }

        function table(integrations, statuses) {
            return h('table', {class: 'figures integrations'},
                h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col', text: c})))),
                h('tbody', {}, integrations.map((i, n) => row(i, statuses[n] || {}))));
        }

        function row(i, s) {
            const paused = s.state === 'paused';
            const following = socket.following(i.id);
            return h('tr', {'data-integration': i.id, 'data-state': s.state || 'unknown'},
                h('th', {scope: 'row', text: i.name}), h('td', {text: label(i.provider)}),
                h('td', {text: i.syncFrequency}), h('td', {class: 'state', text: s.state || '–'}),
                h('td', {class: 'fresh', text: s.freshnessSeconds === null || s.freshnessSeconds === undefined
                    ? 'never synced' : formatValue(s.freshnessSeconds) + ' s ago'}),
                h('td', {class: 'last-error', text: s.lastError || ''}),
                h('td', {},
                    h('button', {type: 'button', class: 'follow', text: following ? 'Stop live' : 'Live',
                        onclick: () => { socket.toggle(i.id, i.name); refresh(); }}), ' ',
                    h('button', {type: 'button', class: 'pause', text: paused ? 'Resume' : 'Pause',
                        onclick: () => act(() => post(base + '/' + i.id + (paused ? '/resume' : '/pause')))}), ' ',
                    h('button', {type: 'button', class: 'remove', text: 'Delete',
                        onclick: () => act(() => request('DELETE', base + '/' + i.id))})));
        }

        async function act(call) {
            showError('');
            try {
                await call();
            } catch (e) {
                showError(e.message);
            }
            refresh();
        }

        showFields();
        refresh();
        // Freshness and state change with every sync: the list reads them again every few seconds.
        const timer = setInterval(refresh, 5000);
        return {render() {}, unmount() { clearInterval(timer); socket.close(); }};
    },
};
