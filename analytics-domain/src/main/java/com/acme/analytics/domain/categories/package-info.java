/**
 * The dashboard's metric categories beyond campaigns: leads, social media and AI agents, as metric definitions
 * over ingested events (the README's category table says what each holds).
 */
package com.acme.analytics.domain.categories;
