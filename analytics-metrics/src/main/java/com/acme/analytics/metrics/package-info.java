/**
 * The read side: campaign metrics over windows, workspace stats and daily history, evaluated by one engine from
 * the live windows in memory ({@link com.acme.analytics.metrics.LiveWindows}), the rollups and the raw
 * events.
 */
package com.acme.analytics.metrics;
