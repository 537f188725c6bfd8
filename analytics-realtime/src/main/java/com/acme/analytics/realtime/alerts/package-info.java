/**
 * Alerts on live metrics (issue 13): rules a workspace's admins store, a pure evaluator that moves each rule's state
 * normal → pending → firing → resolved on a given instant, and the store of both in PostgreSQL (V110).
 */
package com.acme.analytics.realtime.alerts;
