package main

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Consumer struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

type KeyRecord struct {
	ID         string    `json:"id"`
	ConsumerID string    `json:"consumer_id"`
	Prefix     string    `json:"prefix"`
	Hash       string    `json:"hash"`
	Status     string    `json:"status"`
	CreatedAt  time.Time `json:"created_at"`
}

// Store is what the handlers need from Postgres.
type Store interface {
	ListConsumers(ctx context.Context) ([]Consumer, error)
	CreateConsumer(ctx context.Context, name string) (Consumer, error)
	InsertKey(ctx context.Context, consumerID, prefix, hash string) (KeyRecord, error)
	KeyByPrefix(ctx context.Context, prefix string) (KeyRecord, error)
	SetKeyStatus(ctx context.Context, id, status string) error
	AllKeys(ctx context.Context) ([]KeyRecord, error)
	Audit(ctx context.Context, actor, action, subject string) error
}

type pgStore struct {
	pool *pgxpool.Pool
}

func NewStore(pool *pgxpool.Pool) Store {
	return &pgStore{pool: pool}
}

func (s *pgStore) ListConsumers(ctx context.Context) ([]Consumer, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, name, created_at FROM consumers ORDER BY name`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Consumer])
}

func (s *pgStore) CreateConsumer(ctx context.Context, name string) (Consumer, error) {
	var c Consumer
	err := s.pool.QueryRow(ctx,
		`INSERT INTO consumers (name) VALUES ($1) RETURNING id, name, created_at`, name,
	).Scan(&c.ID, &c.Name, &c.CreatedAt)
	return c, err
}

func (s *pgStore) InsertKey(ctx context.Context, consumerID, prefix, hash string) (KeyRecord, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return KeyRecord{}, err
	}
	// Rollback after a successful Commit is a no-op returning ErrTxClosed.
	defer func() { _ = tx.Rollback(ctx) }()

	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM consumers WHERE id = $1)`, consumerID).Scan(&exists); err != nil {
		return KeyRecord{}, err
	}
	if !exists {
		return KeyRecord{}, ErrNotFound
	}
	var k KeyRecord
	err = tx.QueryRow(ctx,
		`INSERT INTO api_keys (consumer_id, prefix, hash, status) VALUES ($1, $2, $3, 'active')
		 RETURNING id, consumer_id, prefix, hash, status, created_at`,
		consumerID, prefix, hash,
	).Scan(&k.ID, &k.ConsumerID, &k.Prefix, &k.Hash, &k.Status, &k.CreatedAt)
	if err != nil {
		return KeyRecord{}, err
	}
	return k, tx.Commit(ctx)
}

func (s *pgStore) KeyByPrefix(ctx context.Context, prefix string) (KeyRecord, error) {
	var k KeyRecord
	err := s.pool.QueryRow(ctx,
		`SELECT id, consumer_id, prefix, hash, status, created_at FROM api_keys WHERE prefix = $1`, prefix,
	).Scan(&k.ID, &k.ConsumerID, &k.Prefix, &k.Hash, &k.Status, &k.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return KeyRecord{}, ErrNotFound
	}
	return k, err
}

func (s *pgStore) SetKeyStatus(ctx context.Context, id, status string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE api_keys SET status = $2 WHERE id = $1`, id, status)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *pgStore) AllKeys(ctx context.Context) ([]KeyRecord, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, consumer_id, prefix, hash, status, created_at FROM api_keys ORDER BY created_at`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[KeyRecord])
}

func (s *pgStore) Audit(ctx context.Context, actor, action, subject string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)`, actor, action, subject)
	return err
}
