/** The REST face of alert rules: {@code /api/workspaces/{id}/alerts}. */
package com.acme.analytics.web.alerts;
