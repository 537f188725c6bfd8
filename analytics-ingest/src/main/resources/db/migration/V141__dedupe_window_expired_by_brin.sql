-- The dedupe window is expired by seen_at once an hour (RawEventRetention), yet every accepted event paid a btree
-- entry for it: about 4 of the 10 buffer accesses of an id's insert (EXPLAIN (ANALYZE, BUFFERS), bench/README.md).
-- Ids are inserted in seen_at order, so a BRIN summary of each 128 pages finds the expired rows as well, for a few
-- bytes per range; a range being filled is summarised when it is full (autosummarize), not per insert.
drop index event_id_seen_time;
create index event_id_seen_time on event_id_seen using brin (seen_at) with (autosummarize = on);
