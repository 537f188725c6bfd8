-- Live events as they were announced, kept a short while (see analytics-realtime, PostgresEventFeed): an instance
-- whose listening connection dropped reads the events it missed from here once it listens again. Unlogged: after a
-- database crash every listener reconnects anyway, and what it missed then is what the crash lost.
create unlogged table realtime_outbox (
    sequence     bigint primary key,
    published_at timestamptz not null default now(),
    event        text not null
);
create index realtime_outbox_published_at on realtime_outbox (published_at);
