import {h, formatValue} from '../../ui/dom.js';

export const COLUMNS = [['campaignId', 'Campaign'], ['impressions', 'Impressions'], ['clicks', 'Clicks'],
    ['conversions', 'Conversions'], ['ctr', 'CTR %'], ['conversionRate', 'Conv. %'], ['totalSpent', 'Spent'],
    ['cpc', 'CPC'], ['cpa', 'CPA'], ['adPlaybacks', 'Views']];

/** How much happened in a campaign: the table lists the busiest first. */
export function activity(c) {
    return c.impressions + c.clicks + c.conversions + c.adPlaybacks;
}

/**
 * The campaign table, busiest campaign first; each campaign's name opens its detail page, which shows every
 * RealTimeMetrics field and the daily history.
 */
export class CampaignTable {
    constructor(app) {
        this.app = app;
        this.body = h('tbody', {id: 'campaign-rows'});
        this.root = h('div', {class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Campaigns table'},
            h('table', {},
                h('caption', {class: 'visually-hidden', text: 'Campaigns by activity, busiest first'}),
                h('thead', {}, h('tr', {}, COLUMNS.map(([, title]) => h('th', {scope: 'col', text: title})))),
                this.body));
        this.update(null);
    }

    update(campaigns) {
        if (!campaigns || campaigns.length === 0) {
            this.body.replaceChildren(h('tr', {}, h('td', {colSpan: COLUMNS.length,
                text: campaigns ? 'No campaign events in this window.' : 'Waiting for figures…'})));
            return;
        }
        const rows = [...campaigns].sort((a, b) => activity(b) - activity(a) || a.campaignId.localeCompare(b.campaignId));
        this.body.replaceChildren(...rows.map((c) => h('tr', {'data-campaign': c.campaignId},
            COLUMNS.map(([key]) => key === 'campaignId'
                ? h('th', {scope: 'row'}, h('a', {href: '#/campaign/' + encodeURIComponent(c.campaignId),
                    text: c.campaignId}))
                : h('td', {'data-field': key, text: formatValue(c[key])})))));
    }
}
