-- Provider sync (issue 11), continued. A paused integration keeps its schedule row but is never claimed
-- (paused_at not null); resuming schedules a sync at once.
alter table integration_sync add column paused_at timestamptz;

-- The integration sockets open on each instance, so that any instance can answer a client's connection health.
-- Every instance rewrites its own rows every analytics.realtime.connections.refresh-ms; readers ignore rows older
-- than analytics.realtime.connections.stale-ms, and each refresh deletes them, so a dead instance's sockets
-- disappear without anyone having to notice its death. Unlogged: the rows describe live sockets, which a crash of
-- the database ends anyway.
create unlogged table live_connection (
    instance_id     text not null,
    session_id      text not null,
    workspace_id    text not null,
    client_id       text not null,
    connected_at    timestamptz not null,
    last_message_at timestamptz,
    messages_sent   bigint not null,
    queued          integer not null,
    latency_ms      double precision,
    syncing         text[] not null,
    refreshed_at    timestamptz not null default now(),
    primary key (instance_id, session_id)
);
create index live_connection_client on live_connection (workspace_id, client_id);
