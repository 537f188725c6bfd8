/**
 * What provider sync and the integration socket share: an integration's sync frequency, its transformations, and
 * the notice of a finished sync.
 */
package com.acme.analytics.domain.integrations;
