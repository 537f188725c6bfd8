-- History that outlives the raw events (analytics.metrics.rollup-retention-days), written by the same statement
-- as the raw events (EventStore), so it holds exactly the stored events: duplicates never reach it.

-- Events and value per UTC minute, campaign and type. A key cannot hold null: '' stands for "no campaign".
create table event_minute (
    workspace_id text        not null,
    minute       timestamptz not null,
    campaign_id  text        not null,
    event_type   text        not null,
    events       bigint      not null,
    value_micros bigint      not null,
    primary key (workspace_id, minute, campaign_id, event_type)
);
create index event_minute_campaign on event_minute (workspace_id, campaign_id, minute);

-- Who had events, per UTC day, campaign and type: distinct users and sessions cannot be added up across minutes,
-- so they are kept as sets, and a distinct count over whole days is exact without the raw events. One row per
-- (session, user) pair, '' for none: a session usually has one user, so one row serves both counts (users are the
-- user id, else the session id, as the metrics count them).
create table actor_day (
    workspace_id text not null,
    day          date not null,
    campaign_id  text not null,
    event_type   text not null,
    session_id   text not null,
    user_id      text not null,
    primary key (workspace_id, day, campaign_id, event_type, session_id, user_id)
);

-- The raw events stored so far, so that the rollups agree with them from the start.
insert into event_minute (workspace_id, minute, campaign_id, event_type, events, value_micros)
select workspace_id, date_trunc('minute', occurred_at at time zone 'UTC') at time zone 'UTC',
       coalesce(campaign_id, ''), event_type, count(*), sum(value_micros)
from raw_event
group by 1, 2, 3, 4;

insert into actor_day (workspace_id, day, campaign_id, event_type, session_id, user_id)
select distinct workspace_id, (occurred_at at time zone 'UTC')::date, coalesce(campaign_id, ''), event_type,
                coalesce(session_id, ''), coalesce(user_id, '')
from raw_event
where session_id is not null or user_id is not null;
