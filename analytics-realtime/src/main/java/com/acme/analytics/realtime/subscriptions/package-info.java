/**
 * Campaign subscriptions of the campaign pipeline: created over REST, read as an SSE stream or by polling, with
 * a bounded mailbox per subscription and removal after a period without reads.
 */
package com.acme.analytics.realtime.subscriptions;
