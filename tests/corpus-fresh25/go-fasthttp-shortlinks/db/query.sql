-- name: GetLinkByCode :one
SELECT * FROM links
WHERE code = $1
  AND disabled_at IS NULL
  AND (expires_at IS NULL OR expires_at > now());

-- name: CreateLink :one
INSERT INTO links (code, target, owner_id, expires_at)
VALUES ($1, $2, $3, $4)
RETURNING *;

-- name: ListLinksByOwner :many
SELECT * FROM links
WHERE owner_id = $1
ORDER BY created_at DESC
LIMIT $2 OFFSET $3;

-- name: ListAllLinks :many
SELECT * FROM links
ORDER BY created_at DESC
LIMIT $1 OFFSET $2;

-- name: RecordClick :exec
WITH bump AS (
  UPDATE links SET clicks = clicks + 1 WHERE id = $1
)
INSERT INTO click_events (link_id, country, referer) VALUES ($1, $2, $3);

-- name: DisableLink :execrows
UPDATE links SET disabled_at = now()
WHERE id = $1 AND disabled_at IS NULL;

-- name: GetAPIKeyByHash :one
SELECT * FROM api_keys
WHERE key_hash = $1 AND revoked_at IS NULL;

-- name: InsertAPIKey :one
INSERT INTO api_keys (owner_id, key_hash, label, is_admin)
VALUES ($1, $2, $3, $4)
RETURNING id;

-- name: RevokeAPIKey :execrows
UPDATE api_keys SET revoked_at = now()
WHERE id = $1 AND revoked_at IS NULL;

-- name: InsertAuditEvent :exec
INSERT INTO audit_events (actor, action, subject)
VALUES ($1, $2, $3);

-- name: PurgeExpiredLinks :execrows
DELETE FROM links
WHERE expires_at < now() - make_interval(days => sqlc.arg(grace_days)::int);
