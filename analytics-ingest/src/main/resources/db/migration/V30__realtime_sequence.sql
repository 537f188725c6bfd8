-- The delivery sequence of live events, shared by every instance on this database (see analytics-realtime,
-- PostgresEventFeed): a client resuming from the last sequence it saw may reconnect to any instance.
create sequence analytics_realtime_seq;
