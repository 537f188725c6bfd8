/** The REST face of provider sync: integrations and their status. */
package com.acme.analytics.web.integrations;
