/** Small DOM helpers: elements are built with properties and children, never from HTML strings. */
export function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') el.className = v;
        else if (k === 'text') el.textContent = v;
        else if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
        else if (k.startsWith('aria-') || k.startsWith('data-') || k === 'role' || k === 'for' || k === 'scope')
            el.setAttribute(k, v === true ? '' : v);
        else el[k] = v;
    }
    for (const c of children.flat()) {
        if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    }
    return el;
}

const integer = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});

export function formatValue(value) {
    if (value === null || value === undefined) return '–';
    if (typeof value === 'number') return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
    return String(value);
}

/** "activeUsers" → "Active users". */
export function label(name) {
    const words = name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.substring(1);
}

/** Replaces an element's text only when it changed, so that unchanged figures cost nothing. */
export function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
}

/** A panel of labelled figures that flash when they change, as the document's animated metric cards do. */
export class Cards {
    constructor(fields, {idPrefix}) {
        this.cells = new Map();
        this.root = h('div', {class: 'cards'});
        for (const [name, title] of fields) {
            const value = h('span', {class: 'value', text: '–'});
            const delta = h('span', {class: 'delta', 'aria-hidden': 'true'});
            const card = h('div', {class: 'card', id: idPrefix + name, role: 'group', 'aria-label': title},
                h('span', {class: 'label', text: title}), value, delta);
            this.cells.set(name, {card, value, delta, last: undefined});
            this.root.append(card);
        }
    }

    update(values) {
        if (!values) return;
        for (const [name, cell] of this.cells) {
            const v = values[name];
            if (v === undefined || v === null || v === cell.last) continue;
            setText(cell.value, formatValue(v));
            cell.card.dataset.value = String(v);
            if (typeof v === 'number' && typeof cell.last === 'number') {
                const d = v - cell.last;
                setText(cell.delta, (d > 0 ? '+' : '') + formatValue(Number.isInteger(d) ? d : +d.toFixed(2)));
                cell.card.classList.remove('up', 'down', 'flash-a', 'flash-b');
                cell.card.classList.add(d >= 0 ? 'up' : 'down', cell.flip ? 'flash-a' : 'flash-b');
                cell.flip = !cell.flip;
            }
            cell.last = v;
        }
    }
}

/** A small table of name → figure rows. */
export function figureTable(caption, rows, columns) {
    return h('table', {class: 'figures'},
        h('caption', {text: caption}),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col', text: c})))),
        h('tbody', {}, rows.length ? rows.map((r) => h('tr', {}, r.map((v, i) =>
            i === 0 ? h('th', {scope: 'row', text: formatValue(v)}) : h('td', {text: formatValue(v)}))))
            : h('tr', {}, h('td', {colSpan: columns.length, text: 'Nothing yet.'}))));
}
