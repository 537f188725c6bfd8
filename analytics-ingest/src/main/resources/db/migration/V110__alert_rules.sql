-- Alerts on live metrics (issue 13): the rules a workspace's admins manage over REST, kept as the JSON they were
-- given (validated by AlertRuleParser before it is stored), and the state of each rule and group, so that a restart
-- neither forgets a firing alert nor fires it twice.
create table alert_rule (
    id           uuid primary key,
    workspace_id text not null,
    definition   jsonb not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index alert_rule_workspace on alert_rule (workspace_id, created_at);

create table alert_state (
    rule_id     uuid not null references alert_rule (id) on delete cascade,
    group_key   text not null,              -- '' when the rule is not grouped, else the campaign
    phase       text not null,              -- normal, pending, firing, resolved
    since       timestamptz not null,
    clear_since timestamptz,
    fired_at    timestamptz,
    value       double precision,
    primary key (rule_id, group_key)
);
