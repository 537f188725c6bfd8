/** Workspaces, the tenants, and their live stats. */
package com.acme.analytics.domain.workspaces;
