/** The simulator's REST side: {@code /api/analytics/real-time/simulate} of the campaign document. */
package com.acme.analytics.web.simulator;
