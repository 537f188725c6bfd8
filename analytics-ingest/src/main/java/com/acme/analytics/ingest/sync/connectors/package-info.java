/** One connector per provider, each speaking that provider's documented API through {@code OutboundHttp}. */
package com.acme.analytics.ingest.sync.connectors;
