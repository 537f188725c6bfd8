/** The REST side of the CSV analysis jobs (issue 12): upload, list, read, cancel and delete. */
package com.acme.analytics.web.jobs;
