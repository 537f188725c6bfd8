/** Whether this instance can do its work, as every module may ask without depending on the one that knows. */
package com.acme.analytics.domain.health;
