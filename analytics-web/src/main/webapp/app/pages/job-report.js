import {h, formatValue, figureTable} from '../ui/dom.js';
import {get} from '../live/api.js';
import {histogramChart} from './jobs/histogram.js';

const NUMERIC = ['integer', 'decimal'];
const QUANTILES = ['p05', 'p25', 'p50', 'p75', 'p95'];

/** "≈" before a distinct count the server estimated. */
function distinct(c) {
    return (c.distinct_exact === false ? '≈ ' : '') + formatValue(c.distinct);
}

function columnPanel(c, charts) {
    const rows = [['Type', c.type], ['Count', c.count], ['Nulls', formatValue(c.nulls) + ' (' + formatValue(c.null_percent) + ' %)'],
        ['Distinct', distinct(c)], ['Min', c.min], ['Max', c.max], ['Mean', c.mean], ['Std. deviation', c.stddev],
        ['Skewness', c.skewness], ['Zeros', c.zeros], ['Length', c.min_length === undefined ? null
            : c.min_length + '–' + c.max_length]].filter(([, v]) => v !== undefined && v !== null);
    const parts = [figureTable(c.name, rows, ['Figure', 'Value'])];
    if (c.quantiles) {
        parts.push(figureTable('Quantiles' + (c.quantile_rank_error ? ' (rank error ±'
            + formatValue(c.quantile_rank_error * 100) + ' %)' : ''),
        QUANTILES.map((q) => [q, c.quantiles[q]]), ['Quantile', 'Value']));
    }
    if (c.top_values && c.top_values.length) {
        parts.push(figureTable('Top values', c.top_values.map((t) => [t.value, t.count]), ['Value', 'Rows']));
    }
    const panel = h('section', {class: 'panel column', 'data-column': c.name, 'aria-label': 'Column ' + c.name},
        h('h3', {text: c.name + ' · ' + c.type}), h('div', {class: 'column-tables'}, parts));
    if (NUMERIC.includes(c.type) && c.histogram && c.histogram.length) {
        const target = h('div', {class: 'chart histogram'});
        panel.append(target);
        charts.push(() => histogramChart(target, c));
    }
    return panel;
}

/**
 * One job (/jobs/:id) and, once done, its insights: alerts first, then the summary, a panel per column (figures,
 * quantiles, top values and, for numeric columns, a histogram) and the correlations.
 */
export default {
    path: '/jobs/:id',
    title: 'Insights report',
    nav: false,
    mount(root, app, params) {
        const body = h('div', {id: 'report', text: 'Loading the job…'});
        root.append(h('section', {class: 'panel', 'aria-labelledby': 'report-title'},
            h('div', {class: 'panel-head'}, h('h2', {id: 'report-title', text: 'Job ' + params.id}),
                h('a', {href: '#/jobs', text: '← back to the jobs'})), body));
        const plots = [];
        get('/api/jobs/' + encodeURIComponent(params.id)).then((job) => {
            const title = root.querySelector('#report-title');
            title.textContent = (job.name || job.job_id) + ' · ' + job.status;
            if (!job.insights) {
                body.replaceChildren(h('p', {class: job.status === 'failed' ? 'error' : '', role: 'status',
                    text: job.message || job.stage}));
                return;
            }
            const ins = job.insights;
            const charts = [];
            body.replaceChildren(
                h('section', {class: 'alerts', id: 'alerts', 'aria-label': 'Alerts'},
                    h('h3', {text: 'Alerts'}), ins.alerts.length ? h('ul', {}, ins.alerts.map((a) =>
                        h('li', {class: 'alert', 'data-kind': a.kind}, h('strong', {text: a.kind + ' '}),
                            (a.column ? a.column + ': ' : '') + a.message))) : h('p', {text: 'No alert.'})),
                figureTable('File', [['Rows', ins.rows], ['Columns', ins.columns], ['Bytes', ins.bytes],
                    ['Delimiter', JSON.stringify(ins.delimiter)]], ['Figure', 'Value']),
                h('ul', {class: 'summary'}, (ins.summary || []).map((s) => h('li', {text: s}))),
                h('div', {class: 'columns'}, ins.columns_profile.map((c) => columnPanel(c, charts))),
                figureTable('Correlations (|r| ≥ 0.5)', ins.correlations.map((r) => [r.a + ' × ' + r.b, r.pearson]),
                    ['Columns', 'Pearson r']));
            charts.forEach((draw) => plots.push(draw()));
        }, (e) => body.replaceChildren(h('p', {class: 'error', role: 'alert', text: e.message})));
        return {render() {}, unmount() { plots.forEach((p) => p.destroy()); }};
    },
};
