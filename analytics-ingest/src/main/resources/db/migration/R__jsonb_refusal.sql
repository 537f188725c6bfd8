-- Why a text cannot be stored as jsonb (its SQLState and message), or nulls when it can. After a chunk of events was
-- refused for its data, the commit loop asks this of each event's metadata, writing nothing, so that the events
-- jsonb refuses (a number beyond numeric's range, \u0000) are found in one statement instead of by splitting the
-- chunk down to each of them, a commit and a failed statement per step. Repeatable: no version to collide with.
create or replace function jsonb_refusal(t text, out sql_state text, out reason text) language plpgsql immutable as $$
begin
    perform t::jsonb;
exception when others then
    sql_state := sqlstate;
    reason := sqlerrm;
end
$$;
