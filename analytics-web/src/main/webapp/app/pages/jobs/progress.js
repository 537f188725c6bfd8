import {h, setText} from '../../ui/dom.js';

/** The document's stages in order; error ends any of them. */
export const STAGES = ['uploaded', 'parsing', 'profiling', 'correlating', 'insights_ready'];

/**
 * One job's progress: a bar per stage (the ones passed are full, the current one shows the job's progress) and
 * the server's last message. data-stage and data-progress say on the element what the bars show.
 */
export class JobProgress {
    constructor(jobId, name) {
        this.bars = new Map();
        this.message = h('p', {class: 'job-message', role: 'status'});
        this.root = h('div', {class: 'job-progress', 'data-job': jobId},
            h('h3', {}, h('a', {href: '#/jobs/' + encodeURIComponent(jobId), text: name || jobId})),
            h('ol', {class: 'stages'}, STAGES.slice(1).map((s) => {
                const bar = h('progress', {max: 100, value: 0, 'aria-label': s});
                this.bars.set(s, bar);
                return h('li', {class: 'stage', 'data-stage': s}, h('span', {text: s.replace('_', ' ')}), bar);
            })), this.message);
    }

    update(m) {
        const stage = m.stage;
        this.root.dataset.stage = stage;
        this.root.dataset.progress = String(m.progress ?? 0);
        setText(this.message, m.message || stage);
        this.message.classList.toggle('error', stage === 'error');
        if (stage === 'error') return;
        const at = STAGES.indexOf(stage);
        for (const [s, bar] of this.bars) {
            const i = STAGES.indexOf(s);
            bar.value = i < at || stage === 'insights_ready' ? 100 : i === at ? (m.progress ?? 0) : 0;
        }
    }
}
