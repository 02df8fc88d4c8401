CREATE TABLE licenses (
    id           UUID PRIMARY KEY,
    org_id       UUID NOT NULL,
    product      TEXT NOT NULL,
    key_prefix   TEXT NOT NULL UNIQUE,
    key_hash     TEXT NOT NULL,
    seats        INTEGER NOT NULL CHECK (seats > 0),
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE activations (
    license_id   UUID NOT NULL REFERENCES licenses (id),
    machine_id   TEXT NOT NULL,
    activated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (license_id, machine_id)
);
