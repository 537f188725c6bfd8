/** The outbound host rule: which URLs provider sync and alert webhooks may call. */
package com.acme.analytics.domain.outbound;
