/** JAX-RS Server-Sent Events streams of the push contracts. */
package com.acme.analytics.realtime.sse;
