/** Campaign counters, the real-time metrics derived from them and the daily rollup. */
package com.acme.analytics.domain.campaigns;
