/**
 * Who is calling and what it may do: credentials (signed tokens, write keys), roles and permissions per workspace,
 * the {@link com.acme.analytics.access.Access} rule every endpoint declares, rate limits and the registry of
 * open connections that revocation closes.
 */
package com.acme.analytics.access;
