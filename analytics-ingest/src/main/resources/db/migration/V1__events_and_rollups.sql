-- Every accepted event, as sent. The primary key makes a retried event a no-op.
create table raw_event (
    workspace_id text        not null,
    event_id     text        not null,
    event_type   text        not null,
    campaign_id  text,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    value_micros bigint      not null default 0,
    session_id   text,
    user_id      text,
    metadata     jsonb       not null default '{}'::jsonb,
    primary key (workspace_id, event_id)
);

create index raw_event_workspace_time on raw_event (workspace_id, occurred_at);
create index raw_event_campaign_time on raw_event (workspace_id, campaign_id, occurred_at)
    where campaign_id is not null;

-- Per campaign and UTC day (the documents' CampaignAnalytics); rates are derived when read.
create table campaign_analytics (
    workspace_id text        not null,
    campaign_id  text        not null,
    day          date        not null,
    impressions  bigint      not null default 0,
    clicks       bigint      not null default 0,
    conversions  bigint      not null default 0,
    views        bigint      not null default 0,
    engagements  bigint      not null default 0,
    completions  bigint      not null default 0,
    skips        bigint      not null default 0,
    spent_micros bigint      not null default 0,
    updated_at   timestamptz not null default now(),
    primary key (workspace_id, campaign_id, day)
);
