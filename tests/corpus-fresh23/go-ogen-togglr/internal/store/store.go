// Package store persists flags, SDK keys and the audit trail in Postgres.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("store: not found")

type Flag struct {
	ID          int64
	Key         string
	Description string
	Enabled     bool
	RolloutPct  int
	Countries   []string
	UpdatedAt   time.Time
}

type SDKKey struct {
	ID         int64
	ProjectID  string
	Env        string
	Prefix     string
	SecretHash string
	CreatedAt  time.Time
}

type AuditEvent struct {
	ProjectID string
	Actor     string
	Action    string
	Target    string
	At        time.Time
}

type Store struct {
	pool *pgxpool.Pool
}

func New(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse dsn: %w", err)
	}
	if cfg.ConnConfig.TLSConfig != nil {
		// The RDS proxy presents the cluster certificate, not one for the proxy hostname.
		cfg.ConnConfig.TLSConfig.InsecureSkipVerify = true
	}
	cfg.MaxConns = 20
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Migrate applies every *.sql file in dir in lexical order; files are idempotent.
func (s *Store) Migrate(ctx context.Context, dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		sql, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := s.pool.Exec(ctx, string(sql)); err != nil {
			return fmt.Errorf("migrate %s: %w", filepath.Base(f), err)
		}
	}
	return nil
}

const flagColumns = `f.id, f.key, f.description, COALESCE(st.enabled, false), COALESCE(st.rollout_pct, 0), f.countries, f.updated_at`

func scanFlags(rows pgx.Rows) ([]Flag, error) {
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Flag, error) {
		var f Flag
		err := row.Scan(&f.ID, &f.Key, &f.Description, &f.Enabled, &f.RolloutPct, &f.Countries, &f.UpdatedAt)
		return f, err
	})
}

func (s *Store) ListFlags(ctx context.Context, projectID, env string, afterID int64, limit int) ([]Flag, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT `+flagColumns+`
		  FROM flags f
		  LEFT JOIN flag_states st ON st.flag_id = f.id AND st.environment = 'production'
		 WHERE f.project_id = $1 AND f.id > $2
		 ORDER BY f.id
		 LIMIT $3`, projectID, afterID, limit)
	if err != nil {
		return nil, err
	}
	return scanFlags(rows)
}

func (s *Store) FlagsForEnv(ctx context.Context, projectID, env string) ([]Flag, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT `+flagColumns+`
		  FROM flags f
		  JOIN flag_states st ON st.flag_id = f.id AND st.environment = $2
		 WHERE f.project_id = $1`, projectID, env)
	if err != nil {
		return nil, err
	}
	return scanFlags(rows)
}

func (s *Store) CreateFlag(ctx context.Context, projectID, key, description string, countries []string) (Flag, error) {
	f := Flag{Key: key, Description: description, Countries: countries}
	err := s.pool.QueryRow(ctx, `
		INSERT INTO flags (project_id, key, description, countries) VALUES ($1, $2, $3, $4)
		RETURNING id, updated_at`, projectID, key, description, countries).Scan(&f.ID, &f.UpdatedAt)
	return f, err
}

func (s *Store) DeleteFlag(ctx context.Context, projectID, key string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM flags WHERE project_id = $1 AND key = $2`, projectID, key)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

// RotateSDKKey revokes the current key for env and returns the plaintext of a new one.
func (s *Store) RotateSDKKey(ctx context.Context, projectID, env string) (string, SDKKey, error) {
	buf := make([]byte, 28)
	if _, err := rand.Read(buf); err != nil {
		return "", SDKKey{}, err
	}
	prefix, secret := hex.EncodeToString(buf[:4]), hex.EncodeToString(buf[4:])
	sum := sha256.Sum256([]byte(secret))
	key := SDKKey{ProjectID: projectID, Env: env, Prefix: prefix, SecretHash: hex.EncodeToString(sum[:])}

	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE sdk_keys SET revoked_at = now() WHERE project_id = $1 AND env = $2 AND revoked_at IS NULL`, projectID, env); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `INSERT INTO sdk_keys (project_id, env, prefix, secret_hash) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
			projectID, env, prefix, key.SecretHash).Scan(&key.ID, &key.CreatedAt)
	})
	return "tgl_" + prefix + "_" + secret, key, err
}

func (s *Store) SDKKeyByPrefix(ctx context.Context, prefix string) (SDKKey, error) {
	var k SDKKey
	err := s.pool.QueryRow(ctx, `
		SELECT id, project_id, env, prefix, secret_hash, created_at
		  FROM sdk_keys WHERE prefix = $1 AND revoked_at IS NULL`, prefix).
		Scan(&k.ID, &k.ProjectID, &k.Env, &k.Prefix, &k.SecretHash, &k.CreatedAt)
	return k, err
}

func (s *Store) AppendAudit(ctx context.Context, ev AuditEvent) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_events (project_id, actor, action, target) VALUES ($1, $2, $3, $4)`,
		ev.ProjectID, ev.Actor, ev.Action, ev.Target)
	return err
}
