package store

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Note struct {
	ID        string    `json:"id"`
	Owner     string    `json:"owner"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Tags      []string  `json:"tags"`
	Archived  bool      `json:"archived"`
	CreatedAt time.Time `json:"created_at"`
}

// ListOptions filters List results.
type ListOptions struct {
	// Tag restricts results to notes carrying this tag.
	Tag string
	// Archived includes archived notes when true.
	Archived bool
	Limit    int
}

type Store struct {
	pool *pgxpool.Pool
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse dsn: %w", err)
	}
	cfg.ConnConfig.TLSConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
	}
	cfg.MaxConns = 20
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) List(ctx context.Context, owner string, opts ListOptions) ([]Note, error) {
	if opts.Limit <= 0 || opts.Limit > 500 {
		opts.Limit = 100
	}
	rows, err := s.pool.Query(ctx, `
		SELECT id, owner, title, body, tags, archived, created_at
		FROM notes WHERE owner = $1 AND (archived = false OR $2)
		ORDER BY created_at DESC LIMIT $3`, owner, opts.Archived, opts.Limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Note])
}

func (s *Store) Get(ctx context.Context, owner, id string) (Note, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, owner, title, body, tags, archived, created_at FROM notes WHERE owner = $1 AND id = $2`, owner, id)
	if err != nil {
		return Note{}, err
	}
	n, err := pgx.CollectOneRow(rows, pgx.RowToStructByPos[Note])
	if errors.Is(err, pgx.ErrNoRows) {
		return Note{}, ErrNotFound
	}
	return n, err
}

func (s *Store) Create(ctx context.Context, owner, title, body string, tags []string) (Note, error) {
	n := Note{Owner: owner, Title: title, Body: body, Tags: tags}
	err := s.pool.QueryRow(ctx, `INSERT INTO notes (owner, title, body, tags) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
		owner, title, body, tags).Scan(&n.ID, &n.CreatedAt)
	return n, err
}

func (s *Store) Delete(ctx context.Context, owner, id string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM notes WHERE owner = $1 AND id = $2`, owner, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) PurgeOwner(ctx context.Context, owner string) (int64, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	// Rollback after a successful Commit is a no-op.
	defer func() { _ = tx.Rollback(ctx) }()

	tag, err := tx.Exec(ctx, `DELETE FROM notes WHERE owner = $1`, owner)
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO audit (action, subject) VALUES ('purge_owner', $1)`, owner); err != nil {
		return 0, err
	}
	return tag.RowsAffected(), tx.Commit(ctx)
}

func (s *Store) ExportAll(ctx context.Context, w io.Writer) error {
	rows, err := s.pool.Query(ctx, `SELECT id, owner, title, body, tags, archived, created_at FROM notes ORDER BY owner`)
	if err != nil {
		return err
	}
	defer rows.Close()
	enc := json.NewEncoder(w)
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Owner, &n.Title, &n.Body, &n.Tags, &n.Archived, &n.CreatedAt); err != nil {
			return err
		}
		if err := enc.Encode(n); err != nil {
			return err
		}
	}
	return rows.Err()
}
