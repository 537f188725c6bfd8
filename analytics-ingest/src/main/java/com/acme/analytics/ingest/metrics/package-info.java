/** The read side: campaign metrics over windows, workspace stats and daily history. */
package com.acme.analytics.ingest.metrics;
