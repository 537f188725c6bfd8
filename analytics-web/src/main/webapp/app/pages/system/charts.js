import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const POINTS = 150;  // 5 minutes of system_status at one every 2 s

/** A rolling time chart of a few series of the system monitor's figures. */
export class RollingChart {
    constructor(target, title, unit, series) {
        this.pick = series.map((s) => s.pick);
        this.data = [[], ...series.map(() => [])];
        this.target = target;
        this.plot = new uPlot({
            width: Math.max(280, Math.floor(target.getBoundingClientRect().width || 420)), height: 180, title,
            scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(1, max)]}},
            series: [{}, ...series.map((s) => ({label: s.label, stroke: s.colour, width: 1.5}))],
            axes: [{}, {label: unit}],
        }, this.data, target);
    }

    push(status) {
        this.data[0].push(Date.now() / 1000);
        this.pick.forEach((p, i) => this.data[i + 1].push(p(status) ?? null));
        if (this.data[0].length > POINTS) this.data.forEach((d) => d.shift());
        this.plot.setData(this.data);
        this.target.dataset.points = String(this.data[0].length);
    }

    destroy() {
        this.plot.destroy();
    }
}
