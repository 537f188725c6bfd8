import {h} from '../../ui/dom.js';

const VIEWS = ['campaign', 'dashboard', 'workspace', 'category'];
const KINDS = {above: 'is above', below: 'is below', increase: 'increases by', decrease: 'decreases by',
    anomaly: 'is an anomaly'};
const SEVERITIES = ['warning', 'error', 'info', 'success'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Which inputs each condition kind reads; the others are hidden. */
const KIND_FIELDS = {above: ['threshold'], below: ['threshold'], increase: ['percent', 'compareTo'],
    decrease: ['percent', 'compareTo'], anomaly: ['zScore', 'history']};

const input = (id, props = {}) => h('input', {id: 'rule-' + id, name: id, ...props});
const select = (id, options, props = {}) => h('select', {id: 'rule-' + id, name: id, ...props},
    options.map(([value, text]) => h('option', {value, text})));
const field = (text, control, props = {}) => h('label', {class: 'field', ...props}, text + ' ', control);

/**
 * The rule editor's form: every part of a rule (issue 13 §1) as inputs, the JSON of a rule from them (toRule) and
 * back (fill). Webhook secrets never come back from the server, so editing a rule with a webhook asks for its
 * secret again; left empty, the server keeps the stored one.
 */
export class RuleForm {
    constructor(fields, onSubmit) {
        this.fields = fields;
        this.name = input('name', {required: true, size: 30, value: 'Clicks above 400'});
        this.view = select('view', VIEWS.map((v) => [v, v]), {onchange: () => this.showFields()});
        this.field = select('field', []);
        this.campaignId = input('campaignId', {size: 14, placeholder: 'camp_123'});
        this.eventType = input('eventType', {size: 12, placeholder: 'all types'});
        this.window = input('window', {size: 5, value: '5m'});
        this.kind = select('kind', Object.entries(KINDS), {onchange: () => this.showKind()});
        this.threshold = input('threshold', {type: 'number', step: 'any', value: '400', size: 8});
        this.percent = input('percent', {type: 'number', step: 'any', min: '0', value: '50', size: 6});
        this.compareTo = select('compareTo', [['previous_window', 'the previous window'],
            ['same_window_last_week', 'the same window last week']]);
        this.zScore = input('zScore', {type: 'number', step: 'any', value: '3', size: 4});
        this.history = input('history', {type: 'number', value: '30', size: 4});
        this.forDuration = input('for', {size: 5, value: '0'});
        this.keepFiringFor = input('keepFiringFor', {size: 5, value: '0s'});
        this.cooldown = input('cooldown', {size: 5, value: '15m'});
        this.noData = select('noData', [['ignore', 'ignore it'], ['alert', 'alert']]);
        this.severity = select('severity', SEVERITIES.map((s) => [s, s]));
        this.groupBy = input('groupBy', {type: 'checkbox'});
        this.dashboard = input('dashboard', {type: 'checkbox', checked: true});
        this.webhookUrl = input('webhookUrl', {size: 34, placeholder: 'https://hooks.example.com/alerts'});
        this.webhookSecret = input('webhookSecret', {type: 'password', size: 20, autocomplete: 'off',
            placeholder: 'at least 16 characters'});
        this.slackUrl = input('slackUrl', {size: 34, placeholder: 'https://hooks.slack.com/services/…'});
        this.days = DAYS.map((d) => input('mute-' + d, {type: 'checkbox', value: d}));
        this.kindRows = {threshold: field('Threshold', this.threshold), percent: field('Percent', this.percent),
            compareTo: field('compared to', this.compareTo), zScore: field('z-score', this.zScore),
            history: field('over windows', this.history)};
        this.root = h('form', {id: 'rule-form', onsubmit: (e) => { e.preventDefault(); onSubmit(); }},
            h('fieldset', {}, h('legend', {text: 'Rule'}), field('Name', this.name),
                field('Severity', this.severity)),
            h('fieldset', {}, h('legend', {text: 'Metric'}), field('View', this.view), field('Field', this.field),
                field('Campaign', this.campaignId), field('Event type', this.eventType),
                field('Window', this.window), field('One alert per campaign', this.groupBy)),
            h('fieldset', {}, h('legend', {text: 'Condition'}), field('When the value', this.kind),
                Object.values(this.kindRows), field('for', this.forDuration),
                field('keep firing for', this.keepFiringFor), field('cooldown', this.cooldown),
                field('No data:', this.noData)),
            h('fieldset', {}, h('legend', {text: 'Channels'}), field('Dashboard', this.dashboard),
                field('Webhook URL', this.webhookUrl), field('secret', this.webhookSecret),
                field('Slack URL', this.slackUrl)),
            h('fieldset', {}, h('legend', {text: 'Mute on (UTC)'}),
                this.days.map((d) => field(d.value, d))));
        this.showFields();
        this.showKind();
    }

    showFields(selected) {
        const names = this.fields[this.view.value] || [];
        const keep = selected || this.field.value || 'clicks';
        this.field.replaceChildren(...names.map((n) => h('option', {value: n, text: n})));
        if (names.includes(keep)) this.field.value = keep;
    }

    showKind() {
        const wanted = new Set(KIND_FIELDS[this.kind.value]);
        for (const [key, row] of Object.entries(this.kindRows)) row.hidden = !wanted.has(key);
    }

    /** The rule as the REST API takes it; empty optional inputs are left out. */
    toRule() {
        const metric = {view: this.view.value, field: this.field.value};
        if (this.campaignId.value.trim()) metric.campaignId = this.campaignId.value.trim();
        if (this.eventType.value.trim()) metric.eventType = this.eventType.value.trim();
        const kind = this.kind.value;
        const condition = {kind};
        if (kind === 'above' || kind === 'below') condition.threshold = number(this.threshold);
        else if (kind === 'anomaly') Object.assign(condition, {zScore: number(this.zScore),
            history: number(this.history)});
        else Object.assign(condition, {percent: number(this.percent), compareTo: this.compareTo.value});
        const channels = [];
        if (this.dashboard.checked) channels.push({type: 'dashboard'});
        if (this.webhookUrl.value.trim()) {
            const hook = {type: 'webhook', url: this.webhookUrl.value.trim()};
            if (this.webhookSecret.value) hook.secret = this.webhookSecret.value;
            channels.push(hook);
        }
        if (this.slackUrl.value.trim()) channels.push({type: 'slack', url: this.slackUrl.value.trim()});
        const rule = {name: this.name.value, metric, window: this.window.value.trim(), condition,
            for: this.forDuration.value.trim() || '0', keepFiringFor: this.keepFiringFor.value.trim() || '0s',
            cooldown: this.cooldown.value.trim() || '0s', noData: this.noData.value, severity: this.severity.value,
            channels};
        if (this.groupBy.checked) rule.groupBy = 'campaignId';
        const muted = this.days.filter((d) => d.checked).map((d) => d.value);
        if (muted.length) rule.mute = [{days: muted}];
        return rule;
    }

    /** Shows a stored rule (or, with null, a new one's defaults). */
    fill(rule) {
        const r = rule || {name: 'Clicks above 400', metric: {view: 'campaign', field: 'clicks'}, window: '5m',
            condition: {kind: 'above', threshold: 400}, for: '0', keepFiringFor: '0s', cooldown: '15m',
            noData: 'ignore', severity: 'warning', channels: [{type: 'dashboard'}]};
        const c = r.condition || {};
        const channels = r.channels || [{type: 'dashboard'}];
        const hook = channels.find((x) => x.type === 'webhook');
        const slack = channels.find((x) => x.type === 'slack');
        const muted = new Set((r.mute || []).flatMap((m) => m.days || []));
        this.name.value = r.name || '';
        this.view.value = r.metric.view;
        this.showFields(r.metric.field);
        this.campaignId.value = r.metric.campaignId || '';
        this.eventType.value = r.metric.eventType || '';
        this.window.value = r.window;
        this.kind.value = c.kind || 'above';
        this.threshold.value = c.threshold ?? '';
        this.percent.value = c.percent ?? '50';
        this.compareTo.value = c.compareTo || 'previous_window';
        this.zScore.value = c.zScore ?? '3';
        this.history.value = c.history ?? '30';
        this.forDuration.value = r.for || '0';
        this.keepFiringFor.value = r.keepFiringFor || '0s';
        this.cooldown.value = r.cooldown || '0s';
        this.noData.value = r.noData || 'ignore';
        this.severity.value = r.severity || 'warning';
        this.groupBy.checked = r.groupBy === 'campaignId';
        this.dashboard.checked = channels.some((x) => x.type === 'dashboard');
        this.webhookUrl.value = hook ? hook.url : '';
        this.webhookSecret.value = '';
        this.webhookSecret.placeholder = hook && rule ? 'unchanged unless typed' : 'at least 16 characters';
        this.slackUrl.value = slack ? slack.url : '';
        this.days.forEach((d) => { d.checked = muted.has(d.value); });
        this.showKind();
    }
}

function number(el) {
    return el.value === '' ? undefined : Number(el.value);
}
