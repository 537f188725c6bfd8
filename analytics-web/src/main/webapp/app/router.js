/**
 * Hash routes (#/, #/test, #/campaign/camp_1) matched against the pages' paths; ":name" segments become
 * params. Unknown routes go to the first page.
 */
export class Router {
    constructor(pages, onRoute) {
        this.pages = pages;
        this.onRoute = onRoute;
        window.addEventListener('hashchange', () => this.resolve());
    }

    current() {
        const hash = location.hash.replace(/^#/, '');
        return hash.startsWith('/') ? hash : '/';
    }

    resolve() {
        const path = this.current();
        for (const page of this.pages) {
            const params = match(page.path, path);
            if (params) {
                this.onRoute(page, params);
                return;
            }
        }
        this.onRoute(this.pages[0], {});
    }
}

function match(pattern, path) {
    const want = pattern.split('/');
    const got = path.split('/');
    if (want.length !== got.length) return null;
    const params = {};
    for (let i = 0; i < want.length; i++) {
        if (want[i].startsWith(':')) params[want[i].substring(1)] = decodeURIComponent(got[i]);
        else if (want[i] !== got[i]) return null;
    }
    return params;
}
