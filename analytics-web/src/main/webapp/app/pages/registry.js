import dashboard from './dashboard.js';
import test from './test.js';
import campaign from './campaign.js';
import jobs from './jobs.js';
import jobReport from './job-report.js';
import system from './system.js';
import integrations from './integrations.js';
import alerts from './alerts.js';

/**
 * Every page of the app. A page is a module whose default export has a path (/, /test, /campaign/:id), a
 * title, nav (false to leave it out of the navigation) and mount(root, app, params), which returns
 * {render(dirty), unmount()}. #/alerts/:id is the alerts page with one rule open, where alert notifications link.
 */
export const PAGES = [dashboard, test, campaign, jobs, jobReport, system, integrations, alerts,
    {...alerts, path: '/alerts/:id', nav: false}];
