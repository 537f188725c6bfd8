import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {h, formatValue} from '../../ui/dom.js';

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#7f7f7f', '#bcbd22'];

/**
 * The editor's backtest (POST .../alerts/preview): the rule's value at every minute of the last 24 h per group, the
 * threshold as a dashed line, and a list of when it would have fired and resolved. Redrawn for every preview.
 */
export class PreviewChart {
    constructor() {
        this.target = h('div', {class: 'chart', id: 'preview-chart'});
        this.summary = h('p', {id: 'preview-summary', class: 'stamp'});
        this.transitions = h('ol', {id: 'preview-transitions', class: 'feed'});
        this.root = h('div', {id: 'preview'}, this.summary, this.target, this.transitions);
        this.plot = null;
    }

    show(preview, rule) {
        this.destroy();
        const from = Date.parse(preview.from) / 1000;
        const groups = Object.keys(preview.series);
        const length = groups.length ? preview.series[groups[0]].length : 0;
        const xs = Array.from({length}, (_, i) => from + (i + 1) * preview.stepSeconds);
        const data = [xs, ...groups.map((g) => preview.series[g])];
        const series = [{}, ...groups.map((g, i) => ({label: g || rule.metric.field, stroke: COLOURS[i % COLOURS.length],
            width: 1.5}))];
        const threshold = rule.condition.threshold;
        if (typeof threshold === 'number') {
            data.push(xs.map(() => threshold));
            series.push({label: 'threshold', stroke: '#c62828', dash: [6, 4], width: 1, points: {show: false}});
        }
        this.plot = new uPlot({
            width: Math.max(280, Math.floor(this.target.getBoundingClientRect().width || 600)), height: 200,
            title: rule.metric.field + ' over ' + rule.window + ', last 24 h (backtest)',
            scales: {x: {time: true}}, series, axes: [{}, {label: rule.metric.field}],
        }, data, this.target);
        this.target.dataset.points = String(length);
        this.target.dataset.fired = String(preview.fired);
        this.summary.textContent = preview.fired === 0 ? 'Over the last 24 h this rule would not have fired.'
            : 'Over the last 24 h this rule would have fired ' + preview.fired + ' time'
                + (preview.fired === 1 ? '' : 's') + '.';
        this.transitions.replaceChildren(...preview.transitions.slice(-20).reverse().map((t) => h('li',
            {'data-kind': t.kind}, new Date(t.at).toLocaleString() + ' · ' + t.kind
                + (t.group ? ' · ' + t.group : '') + (t.value === undefined ? '' : ' at ' + formatValue(t.value)))));
    }

    clear(message) {
        this.destroy();
        this.summary.textContent = message || '';
        this.transitions.replaceChildren();
    }

    destroy() {
        if (this.plot) this.plot.destroy();
        this.plot = null;
        delete this.target.dataset.points;
    }
}
