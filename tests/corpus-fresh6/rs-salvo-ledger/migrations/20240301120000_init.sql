create table accounts (
    id uuid primary key,
    name text not null,
    currency char(3) not null,
    created_at timestamptz not null default now()
);

create table entries (
    id uuid primary key,
    account_id uuid not null references accounts(id),
    amount_minor bigint not null,
    memo text,
    booked_at timestamptz not null default now()
);

create table audit_log (
    id bigserial primary key,
    actor text not null,
    action text not null,
    subject uuid,
    at timestamptz not null default now()
);
