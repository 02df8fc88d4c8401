package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var ErrNotFound = errors.New("store: not found")

type Subscriber struct {
	ID         int64
	Email      string
	Name       string
	Timezone   string
	LastSentAt time.Time
}

type Item struct {
	Title       string
	URL         string
	PublishedAt time.Time
}

type Store struct {
	db *sql.DB
}

func Open(url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(10)
	return &Store{db: db}, nil
}

func (s *Store) DueSubscribers(ctx context.Context, now time.Time) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id FROM subscribers WHERE confirmed AND NOT unsubscribed AND NOT bounced AND last_sent_at < $1`,
		now.Add(-20*time.Hour))
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

func (s *Store) Subscriber(ctx context.Context, id int64) (Subscriber, error) {
	var sub Subscriber
	err := s.db.QueryRowContext(ctx,
		`SELECT id, email, name, timezone, last_sent_at FROM subscribers WHERE id = $1 AND NOT unsubscribed`, id).
		Scan(&sub.ID, &sub.Email, &sub.Name, &sub.Timezone, &sub.LastSentAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Subscriber{}, ErrNotFound
	}
	return sub, err
}

func (s *Store) ItemsSince(ctx context.Context, subscriberID int64, since time.Time) ([]Item, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT i.title, i.url, i.published_at FROM items i
		   JOIN subscriptions sc ON sc.topic_id = i.topic_id
		  WHERE sc.subscriber_id = $1 AND i.published_at > $2
		  ORDER BY i.published_at DESC LIMIT 25`, subscriberID, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.Title, &it.URL, &it.PublishedAt); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func (s *Store) RecordSend(ctx context.Context, subscriberID int64, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE subscribers SET last_sent_at = $2 WHERE id = $1`, subscriberID, at)
	return err
}

func (s *Store) MarkBounced(ctx context.Context, email string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE subscribers SET bounced = true WHERE lower(email) = lower($1) AND NOT bounced`, email)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func (s *Store) Close() error {
	return s.db.Close()
}
