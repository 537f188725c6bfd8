-- The simulator's runs (POST /api/analytics/real-time/simulate), kept so that their status outlives the instance
-- that ran them: a clean shutdown marks its runs stopped; a run whose instance died keeps 'running' with a heartbeat
-- (updated_at) that goes stale, and is then reported and marked interrupted.
create table simulation (
    id                text primary key,
    workspace_id      text not null,
    action            text not null,
    status            text not null,
    campaign_ids      text[] not null,
    events_per_minute integer,
    duration_minutes  integer,
    error_rate        double precision not null default 0,
    generated         bigint not null default 0,
    rejected          bigint not null default 0,
    started_at        timestamptz not null,
    ends_at           timestamptz,
    ended_at          timestamptz,
    reason            text,
    updated_at        timestamptz not null default now()
);
create index simulation_workspace_started on simulation (workspace_id, started_at desc);
create index simulation_running on simulation (status) where status = 'running';
