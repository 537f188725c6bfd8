-- Raw events become partitioned by UTC day of occurred_at, so that retention drops whole partitions instead of
-- deleting rows. Duplicates are recognised by the ids seen within the dedupe window, kept in their own table:
-- a key on a partitioned table must include the partition column, which a retry need not repeat.

create table event_id_seen (
    workspace_id text        not null,
    event_id     text        not null,
    seen_at      timestamptz not null default now(),
    primary key (workspace_id, event_id)
);
create index event_id_seen_time on event_id_seen (seen_at);

alter table raw_event rename to raw_event_unpartitioned;
alter index raw_event_workspace_time rename to raw_event_unpartitioned_workspace_time;
alter index raw_event_campaign_time rename to raw_event_unpartitioned_campaign_time;

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
    primary key (workspace_id, event_id, occurred_at)
) partition by range (occurred_at);

create index raw_event_workspace_time on raw_event (workspace_id, occurred_at);
create index raw_event_campaign_time on raw_event (workspace_id, campaign_id, occurred_at)
    where campaign_id is not null;

-- Creates the daily partitions from first_day to last_day (UTC days, inclusive) that do not exist yet.
-- Serialised by an advisory lock, so that instances starting together do not race.
create function ensure_raw_event_partitions(first_day date, last_day date) returns integer
    language plpgsql as
$$
declare
    d       date := first_day;
    created integer := 0;
    name    text;
begin
    perform pg_advisory_xact_lock(hashtext('raw_event_partitions'));
    while d <= last_day loop
        name := 'raw_event_p' || to_char(d, 'YYYYMMDD');
        if to_regclass(name) is null then
            execute format('create table %I partition of raw_event for values from (%L) to (%L)', name,
                           d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
            created := created + 1;
        end if;
        d := d + 1;
    end loop;
    return created;
end
$$;

-- Drops the daily partitions of days before cutoff (UTC); returns how many were dropped.
create function drop_raw_event_partitions_before(cutoff date) returns integer
    language plpgsql as
$$
declare
    part    record;
    dropped integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('raw_event_partitions'));
    for part in
        select c.relname
        from pg_inherits i
                 join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'raw_event'::regclass
          and c.relname ~ '^raw_event_p[0-9]{8}$'
          and to_date(substr(c.relname, 12), 'YYYYMMDD') < cutoff
    loop
        execute format('drop table %I', part.relname);
        dropped := dropped + 1;
    end loop;
    return dropped;
end
$$;

select ensure_raw_event_partitions(
               least(coalesce((select min((occurred_at at time zone 'UTC')::date) from raw_event_unpartitioned),
                              current_date), current_date),
               greatest(coalesce((select max((occurred_at at time zone 'UTC')::date) from raw_event_unpartitioned),
                                 current_date), current_date) + 2);

insert into event_id_seen (workspace_id, event_id, seen_at)
select workspace_id, event_id, received_at from raw_event_unpartitioned;

insert into raw_event
select workspace_id, event_id, event_type, campaign_id, occurred_at, received_at, value_micros, session_id, user_id,
       metadata
from raw_event_unpartitioned;

drop table raw_event_unpartitioned;
