CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email VARCHAR NOT NULL UNIQUE,
    display_name VARCHAR NOT NULL,
    unsubscribed BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE digests (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    period VARCHAR NOT NULL,
    sent_at TIMESTAMPTZ,
    message_id VARCHAR
);
