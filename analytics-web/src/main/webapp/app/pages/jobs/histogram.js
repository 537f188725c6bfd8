import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

/** A numeric column's histogram as bars, drawn with uPlot as the dashboard's charts are. */
export function histogramChart(target, column) {
    const bins = column.histogram;
    const data = [bins.map((b) => (b.from + b.to) / 2), bins.map((b) => b.count)];
    const width = (bins.length && bins[0].to - bins[0].from) || 1;
    const opts = {
        width: Math.max(280, Math.floor(target.getBoundingClientRect().width || 480)), height: 180,
        title: 'Histogram of ' + column.name,
        scales: {x: {time: false, range: () => [bins[0].from - width / 2, bins[bins.length - 1].to + width / 2]},
            y: {range: (u, min, max) => [0, Math.max(1, max)]}},
        series: [{}, {label: 'rows', stroke: '#1f77b4', fill: 'rgba(31,119,180,0.35)',
            paths: uPlot.paths.bars({size: [0.9, 60]}), points: {show: false}}],
        axes: [{}, {label: 'rows'}],
    };
    target.dataset.bins = String(bins.length);
    return new uPlot(opts, data, target);
}
