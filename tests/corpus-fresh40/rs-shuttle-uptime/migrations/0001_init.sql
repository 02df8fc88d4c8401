create table teams (
    id bigserial primary key,
    name text not null,
    slug text not null unique,
    created_at timestamptz not null default now()
);

create table api_keys (
    id bigserial primary key,
    team_id bigint not null references teams(id) on delete cascade,
    prefix text not null unique,
    key_hash text not null unique,
    revoked_at timestamptz,
    created_at timestamptz not null default now()
);

create table monitors (
    id bigserial primary key,
    team_id bigint not null references teams(id) on delete cascade,
    name text not null,
    url text not null,
    interval_secs integer not null default 300,
    verify_tls boolean not null default true,
    expected_status integer not null default 200,
    paused boolean not null default false,
    status text not null default 'unknown',
    last_checked_at timestamptz
);

create table checks (
    id bigserial primary key,
    monitor_id bigint not null references monitors(id) on delete cascade,
    ok boolean not null,
    http_status integer,
    latency_ms integer not null,
    checked_at timestamptz not null default now()
);

create table incidents (
    id bigserial primary key,
    monitor_id bigint not null references monitors(id) on delete cascade,
    cause text not null,
    evidence_path text,
    opened_at timestamptz not null default now(),
    resolved_at timestamptz,
    acknowledged_by text
);

create table settings (
    key text primary key,
    value timestamptz
);
