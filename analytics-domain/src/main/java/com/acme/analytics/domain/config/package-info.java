/** Helpers for typed configuration values that every module's settings share. */
package com.acme.analytics.domain.config;
