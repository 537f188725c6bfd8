import {h, formatValue} from '../ui/dom.js';
import {get, request} from '../live/api.js';
import {openFeed} from '../live/feed-socket.js';
import {JobProgress} from './jobs/progress.js';
import {uploadCsv} from './jobs/upload.js';

const COLUMNS = ['Name', 'Status', 'Stage', 'Progress', 'Created', ''];

/**
 * CSV analysis jobs (issue 12): a drop zone and a file input that upload to POST /api/jobs, each upload followed
 * live over /ws (subscribe_job), and the workspace's jobs from GET /api/jobs with cancel or delete.
 */
export default {
    path: '/jobs',
    title: 'CSV jobs',
    mount(root, app) {
        const followed = new Map();
        const uploads = h('div', {id: 'uploads'});
        const error = h('p', {class: 'error', role: 'alert', hidden: true});
        const input = h('input', {type: 'file', id: 'csv-file', accept: '.csv,text/csv',
            onchange: () => { [...input.files].forEach(send); input.value = ''; }});
        const zone = h('div', {class: 'drop-zone', id: 'drop-zone', tabIndex: 0,
            ondragover: (e) => { e.preventDefault(); zone.classList.add('over'); },
            ondragleave: () => zone.classList.remove('over'),
            ondrop: (e) => { e.preventDefault(); zone.classList.remove('over'); [...e.dataTransfer.files].forEach(send); }},
        h('p', {text: 'Drop a CSV file here, or '}), h('label', {for: 'csv-file', text: 'choose one '}), input);
        const list = h('div', {id: 'job-list', text: 'Loading the jobs…'});
        root.append(
            h('section', {class: 'panel', 'aria-labelledby': 'upload-title'},
                h('h2', {id: 'upload-title', text: 'Analyse a CSV file'}), zone, error, uploads),
            h('section', {class: 'panel', 'aria-labelledby': 'jobs-title'},
                h('h2', {id: 'jobs-title', text: 'Jobs'}), list));

        const feed = openFeed(app.session, [], (m) => {
            const p = followed.get(m.job_id);
            if (p && ['job_update', 'job_complete', 'job_error'].includes(m.type)) p.update(m);
            if (m.type === 'job_complete' || m.type === 'job_error') refresh();
            if (m.type === 'error') showError(m.message);
        });

        function showError(message) {
            error.textContent = message;
            error.hidden = !message;
        }

        async function send(file) {
            showError('');
            try {
                const job = await uploadCsv(app.session.token, file);
                const p = new JobProgress(job.job_id, file.name);
                p.update(job);
                followed.set(job.job_id, p);
                uploads.prepend(p.root);
                feed.send({type: 'subscribe_job', job_id: job.job_id});
                refresh();
            } catch (e) {
                showError(file.name + ': ' + e.message);
            }
        }

        async function refresh() {
            try {
                const jobs = await get('/api/jobs');
                list.replaceChildren(jobs.length ? table(jobs) : h('p', {text: 'No job yet.'}));
            } catch (e) {
                list.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message}));
            }
        }

        function table(jobs) {
            return h('table', {class: 'figures jobs'},
                h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {scope: 'col', text: c})))),
                h('tbody', {}, jobs.map((j) => {
                    const running = j.status !== 'done' && j.status !== 'failed';
                    return h('tr', {'data-job': j.job_id, 'data-status': j.status},
                        h('th', {scope: 'row'}, h('a', {href: '#/jobs/' + encodeURIComponent(j.job_id),
                            text: j.name || j.job_id})),
                        h('td', {class: 'status', text: j.status}), h('td', {text: j.stage}),
                        h('td', {}, h('progress', {max: 100, value: j.progress || 0}), ' ' + formatValue(j.progress || 0) + ' %'),
                        h('td', {text: j.created_at ? new Date(j.created_at).toLocaleString() : '–'}),
                        h('td', {}, h('button', {type: 'button', class: 'remove', text: running ? 'Cancel' : 'Delete',
                            onclick: () => remove(j.job_id)})));
                })));
        }

        async function remove(id) {
            try {
                await request('DELETE', '/api/jobs/' + encodeURIComponent(id));
            } catch (e) {
                showError(e.message);
            }
            refresh();
        }

        refresh();
        return {render() {}, unmount() { feed.close(); }};
    },
};
