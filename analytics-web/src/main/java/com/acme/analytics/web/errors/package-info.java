/** Every error of the REST API as application/problem+json. */
package com.acme.analytics.web.errors;
