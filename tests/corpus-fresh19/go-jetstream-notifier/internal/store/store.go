package store

import (
	"context"
	"database/sql"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

type Event struct {
	ID        string
	Kind      string
	Title     string
	CreatedAt time.Time
}

type Store struct {
	db *sql.DB
}

func Open(dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(8)
	return &Store{db: db}, nil
}

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Close() error { return s.db.Close() }

func (s *Store) AlreadyDelivered(ctx context.Context, eventID string) (bool, error) {
	var exists bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deliveries WHERE event_id = $1)`, eventID).Scan(&exists)
	return exists, err
}

func (s *Store) RecordDelivery(ctx context.Context, eventID, kind, recipient string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO deliveries (event_id, kind, recipient, delivered_at) VALUES ($1, $2, $3, now()) ON CONFLICT (event_id) DO NOTHING`,
		eventID, kind, recipient)
	return err
}

func (s *Store) PendingDigest(ctx context.Context, recipient string, since time.Time) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, kind, title, created_at FROM activity WHERE recipient = $1 AND created_at >= $2 ORDER BY created_at DESC`,
		recipient, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Kind, &e.Title, &e.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) Purge(ctx context.Context, olderThan time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM deliveries WHERE delivered_at < $1`, olderThan)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *Store) Stats(ctx context.Context) (map[string]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, count(*) FROM deliveries GROUP BY kind ORDER BY kind`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]int64)
	for rows.Next() {
		var kind string
		var n int64
		if err := rows.Scan(&kind, &n); err != nil {
			return nil, err
		}
		out[kind] = n
	}
	return out, rows.Err()
}
