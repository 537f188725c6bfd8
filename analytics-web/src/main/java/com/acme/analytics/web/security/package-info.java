/**
 * The web edge of security: the access filter every REST request passes (default deny), the WebSocket handshake
 * guard, CORS, security headers, and the problem documents of refusals.
 */
package com.acme.analytics.web.security;
