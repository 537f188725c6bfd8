-- CSV analysis jobs (issue 12): the queue that any instance's workers claim with FOR UPDATE SKIP LOCKED, and the
-- uploads, stored in the database in chunks so that whichever instance takes a job up (again, after the one running
-- it died: its lease runs out) reads the same file.
create table analysis_job (
    id               uuid primary key,
    workspace_id     text not null,
    name             text not null,
    status           text not null,            -- queued, running, done, failed, cancelled
    stage            text not null,            -- uploaded, parsing, profiling, correlating, insights_ready, error
    progress         integer not null default 0,
    message          text not null,
    bytes            bigint not null,
    attempts         integer not null default 0,
    cancel_requested boolean not null default false,
    lease_owner      text,
    lease_until      timestamptz,
    insights         jsonb,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    updated_at       timestamptz not null default now(),
    finished_at      timestamptz
);
create index analysis_job_workspace_created on analysis_job (workspace_id, created_at desc);
create index analysis_job_claimable on analysis_job (created_at) where status in ('queued', 'running');

create table analysis_upload_chunk (
    job_id uuid not null references analysis_job (id) on delete cascade,
    seq    integer not null,
    data   bytea not null,
    primary key (job_id, seq)
);
