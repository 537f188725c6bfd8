/** JSR-356 endpoints of the push contracts. */
package com.acme.analytics.realtime.websocket;
