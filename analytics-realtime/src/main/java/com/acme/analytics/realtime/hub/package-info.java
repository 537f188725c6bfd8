/**
 * The one hub behind every push contract: topics, one bounded queue per client with coalesced updates and a rate
 * limit, asynchronous sends, lagging clients told and disconnected, and the hub's own metrics.
 */
package com.acme.analytics.realtime.hub;
