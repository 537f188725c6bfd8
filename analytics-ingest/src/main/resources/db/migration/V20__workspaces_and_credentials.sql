-- The tenants. Their ids are the workspace_id of the event tables.
create table workspace (
    id         text        primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

-- Ingest-only keys. Only the SHA-256 of a key is stored; key_prefix tells keys apart in listings.
create table write_key (
    id           text        primary key,
    workspace_id text        not null references workspace (id),
    key_hash     text        not null unique,
    key_prefix   text        not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);

-- Every issued bearer token by id (its jti), never the token itself; revoked_at revokes it.
-- workspace_id is null for operator tokens.
create table access_token (
    id           text        primary key,
    workspace_id text        references workspace (id),
    role         text        not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);

create index access_token_revoked on access_token (expires_at) where revoked_at is not null;

-- The token signing secret generated at first start, unless analytics.security.jwt.secret is configured.
create table signing_secret (
    name       text        primary key,
    secret     bytea       not null,
    created_at timestamptz not null default now()
);
