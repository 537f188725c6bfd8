import {h, figureTable, label} from '../../ui/dom.js';

const PANELS = [['leads', 'Leads', 'byCampaign', 'Campaign'], ['social_media', 'Social media', 'byEventType', 'Type'],
    ['ai_agents', 'AI agents', 'byEventType', 'Type']];

/** The leads, social_media, ai_agents and system_health categories, each in its own panel. */
export class CategoryPanels {
    constructor() {
        this.bodies = {};
        this.root = h('div', {class: 'categories'});
        for (const [name, title] of [...PANELS, ['system_health', 'System health']]) {
            const body = h('div', {class: 'category-body', text: 'Waiting for figures…'});
            this.bodies[name] = body;
            this.root.append(h('section', {class: 'panel', id: 'category-' + name,
                'aria-labelledby': 'category-' + name + '-title'},
                h('h2', {id: 'category-' + name + '-title', text: title}), body));
        }
    }

    table(caption, rows, columns) {
        return figureTable(caption, rows, columns);
    }

    update(categories) {
        for (const [name, , byKey, byTitle] of PANELS) {
            const c = categories[name];
            if (!c) continue;
            const totals = Object.entries(c.totals || {}).map(([k, v]) => [label(k), v]);
            const by = Object.entries(c[byKey] || {});
            const fields = by.length ? Object.keys(by[0][1]).slice(0, 3) : [];
            const tables = [figureTable('Totals, last ' + Math.round((c.timeWindow || 3600) / 60) + ' min', totals,
                ['Figure', 'Value'])];
            if (by.length) {
                tables.push(figureTable('By ' + byTitle.toLowerCase(), by.map(([k, f]) => [k, ...fields.map((x) => f[x])]),
                    [byTitle, ...fields.map(label)]));
            }
            this.bodies[name].replaceChildren(...tables);
        }
        const health = categories.system_health;
        if (health) {
            this.bodies.system_health.replaceChildren(figureTable('This instance',
                Object.entries(health).filter(([k]) => k !== 'timestamp').map(([k, v]) => [label(k), v]),
                ['Figure', 'Value']));
        }
    }
}
