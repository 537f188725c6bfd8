import {h, setText} from './dom.js';

const TOAST_MS = 6000;
const MAX_TOASTS = 4;

/**
 * The notification centre (a bell with the unread count, a panel listing the last 100 notifications, each
 * dismissable) and toasts for new ones. Toasts with auto_dismiss go after 6 s; the others stay until closed.
 */
export class Notifications {
    constructor({bell, count, panel, list, dismissAll, toasts, store}) {
        this.store = store;
        this.bell = bell;
        this.count = count;
        this.panel = panel;
        this.list = list;
        this.toastRoot = toasts;
        this.shownToasts = new Map();
        bell.addEventListener('click', () => this.toggle());
        dismissAll.addEventListener('click', () => store.dismissAll());
        panel.addEventListener('keydown', (e) => {
            if (e.key === 'Escape') this.toggle(false);
        });
    }

    toggle(open = this.panel.hidden) {
        this.panel.hidden = !open;
        this.bell.setAttribute('aria-expanded', String(open));
        if (open) {
            this.store.readAll();
            const first = this.panel.querySelector('button');
            if (first) first.focus();
        } else {
            this.bell.focus();
        }
    }

    render() {
        const s = this.store;
        setText(this.count, String(s.unread));
        this.count.hidden = s.unread === 0;
        this.bell.setAttribute('aria-label', 'Notifications, ' + s.unread + ' unread');
        this.list.replaceChildren(...(s.notifications.length ? s.notifications.map((n) => this.item(n, 'li', () => s.dismiss(n.id)))
            : [h('li', {class: 'empty', text: 'No notifications.'})]));
        if (!this.panel.hidden && s.unread > 0) s.readAll();
        this.renderToasts();
    }

    item(n, tag, onDismiss) {
        return h(tag, {class: 'notification ' + n.severity + (n.read ? '' : ' unread'), 'data-id': n.id},
            h('strong', {text: n.title}), ' ', h('span', {text: n.message}),
            h('small', {text: ' ' + n.category + ' · ' + new Date(n.timestamp).toLocaleTimeString()}),
            n.action_url && /^(https?:\/\/|\/)/.test(n.action_url)
                ? h('a', {href: n.action_url, text: ' Open', rel: 'noopener'}) : null,
            h('button', {type: 'button', class: 'dismiss', text: '×', 'aria-label': 'Dismiss ' + n.title,
                onclick: onDismiss}));
    }

    renderToasts() {
        const s = this.store;
        while (s.toasts.length > MAX_TOASTS) s.toasts.shift();
        const wanted = new Set(s.toasts.map((n) => n.id));
        for (const [id, el] of this.shownToasts) {
            if (!wanted.has(id)) {
                el.remove();
                this.shownToasts.delete(id);
            }
        }
        for (const n of s.toasts) {
            if (this.shownToasts.has(n.id)) continue;
            const el = this.item(n, 'div', () => this.closeToast(n.id));
            el.classList.add('toast');
            el.setAttribute('role', n.severity === 'error' ? 'alert' : 'status');
            this.toastRoot.append(el);
            this.shownToasts.set(n.id, el);
            if (n.auto_dismiss !== false) setTimeout(() => this.closeToast(n.id), TOAST_MS);
        }
    }

    closeToast(id) {
        this.store.toasts = this.store.toasts.filter((n) => n.id !== id);
        this.store.mark('notifications');
    }
}
