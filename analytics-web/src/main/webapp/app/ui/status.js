import {h, setText} from './dom.js';

/**
 * The state of each live channel, in words: connecting, live, reconnecting in N s, offline (and why), with a
 * Reconnect button whenever it is not live. Counts down each second while reconnecting.
 */
export class StatusBar {
    constructor(root, channels) {
        this.items = channels.map((channel) => {
            const text = h('span', {class: 'status-text'});
            const button = h('button', {type: 'button', class: 'reconnect', text: 'Reconnect',
                'aria-label': 'Reconnect ' + channel.name, onclick: () => channel.reconnectNow()});
            const item = h('span', {class: 'status', role: 'status', 'aria-live': 'polite',
                'data-channel': channel.name}, h('span', {class: 'status-name', text: channel.name + ': '}), text,
                button);
            root.append(item);
            channel.onState(() => this.render());
            return {channel, item, text, button};
        });
        this.render();
        setInterval(() => this.render(), 1000);
    }

    render() {
        for (const {channel, item, text, button} of this.items) {
            let words = channel.state;
            if (channel.state === 'reconnecting') {
                words = channel.retryAt ? 'reconnecting in ' + Math.max(0, Math.ceil((channel.retryAt - Date.now())
                    / 1000)) + ' s' : 'reconnecting';
            } else if (channel.state === 'offline' && channel.reason) {
                words = 'offline';
            }
            setText(text, words);
            item.title = channel.reason || '';
            item.className = 'status ' + channel.state;
            button.hidden = channel.state === 'live' || channel.state === 'idle' || channel.refused;
        }
    }
}
