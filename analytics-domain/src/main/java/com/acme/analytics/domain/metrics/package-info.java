/** Exact counters and the ratios and amounts derived from them. */
package com.acme.analytics.domain.metrics;
