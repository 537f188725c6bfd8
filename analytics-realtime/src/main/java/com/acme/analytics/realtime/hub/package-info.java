/** The live hub: who subscribed to what, and the push of metric updates after each flush. */
package com.acme.analytics.realtime.hub;
