/**
 * REST calls of the signed-in user. Every answer that is not 2xx becomes an ApiError carrying the problem
 * document's detail, so that pages can say on screen what the server said.
 */
export class ApiError extends Error {
    constructor(status, detail, problem) {
        super(detail);
        this.status = status;
        this.problem = problem;
    }

    /** Whether the credential itself was refused (missing, expired, revoked, forged). */
    get refusedCredential() {
        return this.status === 401;
    }
}

let bearer = null;
/** No call of the app hangs the page: a server that does not answer within this is said to on screen. */
const TIMEOUT_MS = 20000;

export function useToken(token) {
    bearer = token;
}

export async function request(method, path, body) {
    const headers = {Accept: 'application/json'};
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    let response;
    let text;
    try {
        response = await fetch(path, {method, headers, signal: abort.signal,
            body: body === undefined ? undefined : JSON.stringify(body)});
        text = await response.text();
    } catch (e) {
        throw new ApiError(0, abort.signal.aborted ? 'the server did not answer within ' + TIMEOUT_MS / 1000 + ' s'
            : 'the server cannot be reached', null);
    } finally {
        clearTimeout(timer);
    }
    let json = null;
    try {
        json = text ? JSON.parse(text) : null;
    } catch (e) {
        json = null;
    }
    if (!response.ok) {
        const fields = json && Array.isArray(json.errors) ? json.errors.map((f) => f.field + ': ' + f.message) : [];
        const detail = (json && (json.detail || json.title)) || response.statusText || 'HTTP ' + response.status;
        throw new ApiError(response.status, fields.length ? detail + ' (' + fields.join('; ') + ')' : detail, json);
    }
    return json;
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
