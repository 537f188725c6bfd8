/** The system monitor: one sample of this instance's figures every interval, answered by REST and pushed on /ws. */
package com.acme.analytics.realtime.monitor;
