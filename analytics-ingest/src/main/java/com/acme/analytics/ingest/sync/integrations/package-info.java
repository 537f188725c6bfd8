/** Integrations as stored and managed: their rules, their sealed credentials, the connectors that serve them. */
package com.acme.analytics.ingest.sync.integrations;
