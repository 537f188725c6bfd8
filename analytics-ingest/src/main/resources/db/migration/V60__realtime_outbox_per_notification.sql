-- The outbox keeps each live notification whole (up to ~8 KB, a few dozen events) rather than one row per event: a
-- thirtieth of the rows to insert, delete and vacuum at ingest rates. Its rows only matter for a short retention, so
-- the old table is replaced, not converted: an instance reconnecting across this migration replays nothing.
drop table realtime_outbox;
create unlogged table realtime_outbox (
    last_sequence bigint primary key,
    published_at  timestamptz not null default now(),
    payload       text not null
);
create index realtime_outbox_published_at on realtime_outbox (published_at);
