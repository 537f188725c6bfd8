/** Logging that a repeating failure cannot flood. */
package com.acme.analytics.domain.logging;
