import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

/** Colours of the event types, and a grey for any other. */
const COLOURS = {impression: '#1f77b4', click: '#ff7f0e', conversion: '#2ca02c', view: '#9467bd',
    engagement: '#8c564b', completion: '#17becf', skip: '#7f7f7f'};
export const CHART_TYPES = Object.keys(COLOURS);

function widthOf(el) {
    return Math.max(280, Math.floor(el.getBoundingClientRect().width || el.parentElement.clientWidth || 600));
}

/** Events per second by type, the last 100 points. */
export function perSecondChart(target, data) {
    const opts = {
        width: widthOf(target), height: 220, title: 'Events per second by type (last 100 s)',
        scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(1, max)]}},
        series: [{}, ...CHART_TYPES.map((t) => ({label: t, stroke: COLOURS[t], width: 1.5}))],
        axes: [{}, {label: 'events/s'}],
    };
    return resizing(new uPlot(opts, data, target), target);
}

/** Events per minute, the last 30 minutes, as bars. */
export function perMinuteChart(target, data) {
    const opts = {
        width: widthOf(target), height: 200, title: 'Events per minute (last 30 min)',
        scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(1, max)]}},
        series: [{}, {label: 'events', stroke: '#1f77b4', fill: 'rgba(31,119,180,0.35)',
            paths: uPlot.paths.bars({size: [0.8, 40]}), points: {show: false}}],
        axes: [{}, {label: 'events/min'}],
    };
    return resizing(new uPlot(opts, data, target), target);
}

function resizing(plot, target) {
    const observer = new ResizeObserver(() => {
        const w = widthOf(target);
        if (Math.abs(w - plot.width) > 4) plot.setSize({width: w, height: plot.height});
    });
    observer.observe(target);
    plot.stopResizing = () => observer.disconnect();
    return plot;
}
