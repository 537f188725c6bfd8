-- Buffered (already acknowledged) events the database refused for what they hold. They are never retried: a
-- workspace's admins read them (GET /api/workspaces/{id}/dead-letters). The event is text, not jsonb: what jsonb
-- refused (such as \u0000) is often what made the event fail.
create table dead_letter (
    id           bigserial primary key,
    workspace_id text not null,
    event_id     text not null,
    event        text not null,
    sql_state    text,
    reason       text not null,
    failed_at    timestamptz not null default now()
);
create index dead_letter_workspace on dead_letter (workspace_id, id);
