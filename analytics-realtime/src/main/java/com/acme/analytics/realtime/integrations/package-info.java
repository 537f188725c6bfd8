/**
 * Integration analytics over {@code /realtime-analytics/ws/{client_id}}: {@code start_sync} / {@code stop_sync}
 * an integration, {@code analytics_update} pushed as its events arrive. Until provider sync exists, an
 * integration is fed by ingested events whose properties name it ({@code integrationId}).
 */
package com.acme.analytics.realtime.integrations;
