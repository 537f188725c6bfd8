import {get, useToken, ApiError} from './api.js';

/**
 * Who is signed in: a bearer token from the URL fragment (#token=..., which never reaches the server) or the
 * sign-in form, kept for the tab's session only. The workspace is the token's own (its ws claim), so there is
 * no workspace to get wrong; the server checks the token, this only reads it.
 */
const KEY = 'analytics.token';

export function tokenFromFragment(hash) {
    const params = new URLSearchParams(hash.replace(/^#\/?/, ''));
    return params.get('token');
}

export function claimsOf(jwt) {
    try {
        const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(atob(payload));
    } catch (e) {
        return null;
    }
}

export class Session {
    constructor() {
        this.token = null;
        this.workspaceId = null;
        this.role = null;
        this.listeners = new Set();
    }

    /** The token the tab already holds: the fragment's, else the one kept for the session. */
    initialToken() {
        return tokenFromFragment(location.hash) || sessionStorage.getItem(KEY);
    }

    /**
     * Checks a token with the server and adopts it. Resolves with the dashboard answer it read; rejects with a
     * message fit for the screen when the token is not a workspace token or the server refuses it.
     */
    async signIn(token) {
        const claims = claimsOf(token);
        if (!claims) throw new ApiError(401, 'This is not an access token (expected three dot-separated parts).');
        if (!claims.ws) {
            throw new ApiError(403, 'An operator token reads no workspace; sign in with a workspace token.');
        }
        if (claims.exp && claims.exp * 1000 < Date.now()) {
            throw new ApiError(401, 'This token expired at ' + new Date(claims.exp * 1000).toLocaleString() + '.');
        }
        useToken(token);
        const dashboard = await get('/api/analytics/real-time/dashboard');
        this.token = token;
        this.workspaceId = claims.ws;
        this.role = claims.role;
        sessionStorage.setItem(KEY, token);
        this.emit();
        return dashboard;
    }

    /** Asks the server whether the token still holds: null if it does, else the refusal. */
    async check() {
        try {
            await get('/api/analytics/real-time/dashboard?timeWindow=60');
            return null;
        } catch (e) {
            return e.status === 401 || e.status === 403 ? e : null;
        }
    }

    signOut(reason) {
        this.token = null;
        this.workspaceId = null;
        this.role = null;
        this.reason = reason || null;
        useToken(null);
        sessionStorage.removeItem(KEY);
        this.emit();
    }

    get signedIn() {
        return this.token !== null;
    }

    onChange(listener) {
        this.listeners.add(listener);
    }

    emit() {
        this.listeners.forEach((l) => l(this));
    }
}
