import {ApiError} from '../../live/api.js';

/**
 * POST /api/jobs with the file itself as a text/csv body (api.js sends JSON only), named by ?name=. Answers the
 * 202 document {job_id, status, stage} or throws an ApiError with the server's detail.
 */
export async function uploadCsv(token, file) {
    let response;
    try {
        response = await fetch('/api/jobs?name=' + encodeURIComponent(file.name), {method: 'POST', body: file,
            headers: {'Content-Type': 'text/csv', Accept: 'application/json', Authorization: 'Bearer ' + token}});
    } catch (e) {
        throw new ApiError(0, 'the server cannot be reached', null);
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) {
        throw new ApiError(response.status, (json && (json.detail || json.title)) || 'HTTP ' + response.status, json);
    }
    return json;
}
