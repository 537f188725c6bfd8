/** Workspaces, the tenants: their creation with a first write key, and the demo workspace of {@code ./run.sh}. */
package com.acme.analytics.access.workspaces;
