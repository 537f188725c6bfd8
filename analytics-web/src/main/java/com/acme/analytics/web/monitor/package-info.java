/** The system monitor's REST endpoint and the request figures it reports. */
package com.acme.analytics.web.monitor;
