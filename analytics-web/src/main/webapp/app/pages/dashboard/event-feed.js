import {h} from '../../ui/dom.js';

/**
 * The live event feed: the last 200 events, newest first, filtered by type and campaign, with a pause. While
 * paused, new events are still kept (and counted on the button); the list catches up on resume.
 */
export class EventFeed {
    constructor(store) {
        this.store = store;
        this.paused = false;
        this.shown = new Map();     // sequence -> li
        this.typeFilter = h('select', {id: 'feed-type', onchange: () => this.render(true)},
            h('option', {value: '', text: 'All types'}));
        this.campaignFilter = h('input', {id: 'feed-campaign', type: 'search', placeholder: 'campaign id',
            autocomplete: 'off', oninput: () => this.render(true)});
        this.pause = h('button', {type: 'button', id: 'feed-pause', 'aria-pressed': 'false', text: 'Pause',
            onclick: () => this.toggle()});
        this.list = h('ol', {id: 'feed-list', class: 'feed', 'aria-live': 'off', 'aria-label': 'Live events'});
        this.root = h('div', {},
            h('div', {class: 'toolbar'},
                h('label', {for: 'feed-type', text: 'Type '}), this.typeFilter,
                h('label', {for: 'feed-campaign', text: 'Campaign '}), this.campaignFilter, this.pause),
            this.list);
        this.knownTypes = new Set();
    }

    toggle() {
        this.paused = !this.paused;
        this.pause.setAttribute('aria-pressed', String(this.paused));
        this.render(true);
    }

    matches(e) {
        const type = this.typeFilter.value;
        const campaign = this.campaignFilter.value.trim();
        return (!type || e.event_type === type)
            && (!campaign || ((e.details && e.details.campaignId) || '').includes(campaign));
    }

    item(e) {
        const d = e.details || {};
        return h('li', {'data-sequence': String(e.sequence), 'data-type': e.event_type},
            h('time', {dateTime: new Date(e.timestamp).toISOString(), text: new Date(e.timestamp).toLocaleTimeString()}),
            ' ', h('span', {class: 'type ' + e.event_type, text: e.event_type}),
            ' ', h('span', {class: 'entity', text: e.entity_type + ' ' + e.entity_id}),
            d.value ? h('span', {class: 'amount', text: ' ' + d.value}) : null,
            d.metadata && d.metadata.simulated ? h('span', {class: 'tag', text: ' simulated'}) : null);
    }

    render(full = false) {
        for (const t of this.store.eventTypes) {
            if (!this.knownTypes.has(t)) {
                this.knownTypes.add(t);
                this.typeFilter.append(h('option', {value: t, text: t}));
            }
        }
        const events = this.store.events;
        if (this.paused) {
            const newer = events.filter((e) => !this.shown.has(e.sequence) && this.matches(e)).length;
            this.pause.textContent = newer ? 'Resume (' + newer + ' new)' : 'Resume';
            return;
        }
        this.pause.textContent = 'Pause';
        if (full) {
            this.shown.clear();
            this.list.replaceChildren();
        }
        const fresh = [];
        for (const e of events) {
            if (this.shown.has(e.sequence)) break;  // newest first: the rest are on screen already
            if (this.matches(e)) fresh.push(e);
        }
        if (fresh.length) {
            const items = fresh.map((e) => {
                const li = this.item(e);
                this.shown.set(e.sequence, li);
                return li;
            });
            this.list.prepend(...items);
        }
        const keep = new Set(events.map((e) => e.sequence));
        for (const [seq, li] of this.shown) {
            if (!keep.has(seq)) {
                li.remove();
                this.shown.delete(seq);
            }
        }
        if (this.list.children.length === 0) {
            this.list.append(h('li', {class: 'empty', text: events.length ? 'No event matches.' : 'No events yet.'}));
        } else if (this.list.children.length > 1 && this.list.lastElementChild.classList.contains('empty')) {
            this.list.lastElementChild.remove();
        }
    }
}
