/**
 * The event simulator of the campaign document: continuous simulations, bursts and user journeys of realistic
 * campaign events (devices, user agents, cities, returning people and sessions, click costs, conversion values),
 * sent through the real ingest path and marked {@code metadata.simulated = true}; the demo workspace's sample
 * traffic.
 */
package com.acme.analytics.ingest.simulator;
