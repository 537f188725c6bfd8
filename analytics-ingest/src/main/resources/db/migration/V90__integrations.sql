-- Provider sync (issue 11). An integration's credentials are sealed by CredentialCipher (context
-- "<workspace>/<id>") and never stored in clear. integration_sync is the schedule, the lease and the health of one
-- integration: an instance claims a due row with FOR UPDATE SKIP LOCKED and holds it until lease_until, so two
-- instances never sync one integration at once and a dead instance's lease runs out.
create table integration (
    id                     bigserial primary key,
    workspace_id           text not null references workspace (id) on delete cascade,
    provider               text not null,
    name                   text not null,
    workflow_id            bigint,
    config                 jsonb not null,
    credentials            text not null,
    sync_frequency         text not null,
    sync_frequency_seconds integer not null check (sync_frequency_seconds > 0),
    filters                jsonb not null default '{}',
    transformations        jsonb not null default '{}',
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index integration_workspace on integration (workspace_id, id);

create table integration_sync (
    integration_id        bigint primary key references integration (id) on delete cascade,
    state                 text not null default 'idle',
    next_sync_at          timestamptz,
    lease_owner           text,
    lease_until           timestamptz,
    cursor                text,
    last_sync_at          timestamptz,
    last_success_at       timestamptz,
    last_error            text,
    consecutive_failures  integer not null default 0,
    records_last_sync     bigint not null default 0,
    quota                 jsonb,
    total_requests        bigint not null default 0,
    successful_requests   bigint not null default 0,
    failed_requests       bigint not null default 0,
    response_millis_total bigint not null default 0
);
create index integration_sync_due on integration_sync (next_sync_at) where next_sync_at is not null;

-- One value per (integration, metric, dimensions, bucket): a re-fetched overlapping window overwrites the same row.
-- dimensions is the canonical JSON text of the dimension map (keys sorted), so equal maps make equal keys.
create table integration_metric (
    integration_id bigint not null references integration (id) on delete cascade,
    metric         text not null,
    dimensions     text not null,
    bucket         timestamptz not null,
    value          double precision not null,
    updated_at     timestamptz not null default now(),
    primary key (integration_id, metric, dimensions, bucket)
);
