// Package store is the notifier's view of the product database.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

type User struct {
	ID     int64
	Email  string
	Name   string
	Locale string
}

type DigestItem struct {
	Title     string
	URL       string
	CreatedAt time.Time
}

type Store struct {
	db *sql.DB
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("ping database: %w", err)
	}
	return &Store{db: db}, nil
}

func (s *Store) Close() error { return s.db.Close() }

func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// User returns sql.ErrNoRows when the account no longer exists.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	var u User
	err := s.db.QueryRowContext(ctx,
		`SELECT id, email, name, locale FROM users WHERE id = $1 AND deleted_at IS NULL`, id,
	).Scan(&u.ID, &u.Email, &u.Name, &u.Locale)
	return u, err
}

// DigestItems returns the activity a user has not yet seen in a digest,
// i.e. everything created after since.
func (s *Store) DigestItems(ctx context.Context, userID int64, since time.Time) ([]DigestItem, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT title, url, created_at
		  FROM activity
		 WHERE user_id = $1
		 ORDER BY created_at DESC
		 LIMIT 50`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var items []DigestItem
	for rows.Next() {
		var it DigestItem
		if err := rows.Scan(&it.Title, &it.URL, &it.CreatedAt); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func (s *Store) LastDigestAt(ctx context.Context, userID int64) (time.Time, error) {
	var t sql.NullTime
	err := s.db.QueryRowContext(ctx,
		`SELECT max(sent_at) FROM deliveries WHERE user_id = $1 AND kind = 'digest'`, userID,
	).Scan(&t)
	if err != nil {
		return time.Time{}, err
	}
	if !t.Valid {
		return time.Now().Add(-7 * 24 * time.Hour), nil
	}
	return t.Time, nil
}

func (s *Store) DigestSubscribers(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT user_id FROM subscriptions WHERE list = 'digest' AND unsubscribed_at IS NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *Store) RecordDelivery(ctx context.Context, userID int64, kind, messageID string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO deliveries (user_id, kind, message_id, sent_at) VALUES ($1, $2, $3, now())`,
		userID, kind, messageID)
	return err
}

func (s *Store) IsSuppressed(ctx context.Context, email string) (bool, error) {
	var exists bool
	err := s.db.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM suppressions WHERE email = lower($1))`, email).Scan(&exists)
	return exists, err
}

func (s *Store) Unsubscribe(ctx context.Context, userID int64, list string) error {
	_, err := s.db.ExecContext(ctx,
		`UPDATE subscriptions SET unsubscribed_at = now() WHERE user_id = $1 AND list = $2 AND unsubscribed_at IS NULL`,
		userID, list)
	return err
}
