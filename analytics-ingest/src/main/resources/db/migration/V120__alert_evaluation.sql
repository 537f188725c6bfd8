-- Evaluating alert rules (issue 13). alert_rule carries the lease of the instance evaluating it: an instance claims
-- its rules and the unleased or expired ones with FOR UPDATE SKIP LOCKED and renews them every tick, so each rule is
-- evaluated by one instance at a time and a dead instance's rules move on once its lease runs out.
alter table alert_rule add column lease_owner text, add column lease_until timestamptz;

-- What happened to a rule and group: fired, resolved, or a test sent from the API. Written in the transaction that
-- moves the state, so a transition is recorded (and notified) exactly once.
create table alert_event (
    id           uuid primary key,
    rule_id      uuid not null references alert_rule (id) on delete cascade,
    workspace_id text not null,
    group_key    text not null,
    kind         text not null,              -- fired, resolved, test
    at           timestamptz not null,
    started_at   timestamptz,                -- when the alert fired (for a resolution: the firing it ends)
    value        double precision,
    threshold    double precision,
    message      text not null
);
create index alert_event_rule on alert_event (rule_id, at desc);

-- One notification to one channel of the rule, and its attempts. The body (and a webhook's signature) is made when
-- the event is recorded, so the sender needs neither the rule nor its secret. Claimed like the rules, with a lease,
-- so one instance sends it; retried with backoff until delivered, refused, or out of time.
create table alert_delivery (
    id              bigserial primary key,
    event_id        uuid not null references alert_event (id) on delete cascade,
    workspace_id    text not null,
    channel         text not null,           -- dashboard, webhook, slack
    url             text,
    body            text not null,
    signature       text,
    status          text not null,           -- pending, delivered, failed, refused
    attempts        jsonb not null default '[]',
    next_attempt_at timestamptz not null default now(),
    lease_owner     text,
    lease_until     timestamptz,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz
);
create index alert_delivery_due on alert_delivery (next_attempt_at) where status = 'pending';
create index alert_delivery_event on alert_delivery (event_id);
