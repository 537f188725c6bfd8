/**
 * The create form of each provider: its fields ([key, label, default]) and a sensible first frequency (at or above
 * the provider's minimum, which the server checks and explains). Keys starting with "credentials." go to the
 * sealed credentials, the others to config; "metrics"/"events"/"dimensions" are comma-separated lists.
 */
export const PROVIDERS = {
    custom: {title: 'Custom HTTP', frequency: '1m', fields: [
        ['url', 'URL'], ['metrics', 'Metrics (name=/json/pointer, comma-separated)'],
        ['credentials.header', 'Header (Name: value, optional)']]},
    mixpanel: {title: 'Mixpanel', frequency: '5m', fields: [
        ['projectId', 'Project id'], ['events', 'Events (comma-separated)'],
        ['credentials.username', 'Service account user'], ['credentials.secret', 'Service account secret']]},
    google_analytics: {title: 'Google Analytics 4', frequency: '5m', fields: [
        ['propertyId', 'Property id'], ['metrics', 'Metrics', 'activeUsers'], ['dimensions', 'Dimensions'],
        ['credentials.json', 'Service-account key (JSON)']]},
    amplitude: {title: 'Amplitude', frequency: '5m', fields: [
        ['events', 'Events (comma-separated)'], ['credentials.apiKey', 'API key'],
        ['credentials.secretKey', 'Secret key']]},
    segment: {title: 'Segment (webhook)', frequency: '1h', fields: [['credentials.sharedSecret', 'Shared secret']]},
};

const LISTS = new Set(['events', 'dimensions']);

/** The POST body of a new integration from the form's values; empty fields are left out. */
export function bodyOf(provider, name, frequency, values) {
    const config = {};
    let credentials = {};
    for (const [key, raw] of Object.entries(values)) {
        const value = raw.trim();
        if (!value) continue;
        if (key === 'credentials.json') credentials = JSON.parse(value);
        else if (key === 'credentials.header') {
            const at = value.indexOf(':');
            credentials.headers = {[value.substring(0, at).trim()]: value.substring(at + 1).trim()};
        } else if (key.startsWith('credentials.')) credentials[key.substring('credentials.'.length)] = value;
        else if (key === 'metrics' && provider === 'custom') {
            config.metrics = Object.fromEntries(value.split(',').map((m) => m.split('=').map((s) => s.trim())));
        } else if (key === 'metrics' || LISTS.has(key)) config[key] = value.split(',').map((s) => s.trim());
        else if (key === 'projectId') config[key] = Number(value);
        else config[key] = value;
    }
    if (provider === 'mixpanel' && !config.events) config.events = [];
    return {provider, name, syncFrequency: frequency, config, credentials};
}
