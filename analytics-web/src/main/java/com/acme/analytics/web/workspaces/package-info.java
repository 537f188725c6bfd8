/** The operator and administration API: workspaces, their write keys and tokens. */
package com.acme.analytics.web.workspaces;
