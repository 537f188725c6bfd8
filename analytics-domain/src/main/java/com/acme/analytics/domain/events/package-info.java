/** Events as ingested and stored. */
package com.acme.analytics.domain.events;
