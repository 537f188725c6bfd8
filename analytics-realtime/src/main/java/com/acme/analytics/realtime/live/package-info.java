/**
 * Live delivery of stored events: the sequence-ordered dispatch to workspace topics, the bounded replay window
 * that lets a reconnecting client resume without a gap, and the metric updates computed after each batch.
 */
package com.acme.analytics.realtime.live;
