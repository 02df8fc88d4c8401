package db

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/acme/tickets/internal/handlers"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("ping: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) List(ctx context.Context, limit int) ([]handlers.Ticket, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, title, status, coalesce(assignee, ''), created_at FROM tickets ORDER BY created_at DESC LIMIT $1`, limit)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[handlers.Ticket])
}

func (s *Store) Get(ctx context.Context, id string) (handlers.Ticket, error) {
	var t handlers.Ticket
	err := s.pool.QueryRow(ctx, `SELECT id, title, status, coalesce(assignee, ''), created_at FROM tickets WHERE id = $1`, id).
		Scan(&t.ID, &t.Title, &t.Status, &t.Assignee, &t.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return t, handlers.ErrNotFound
	}
	return t, err
}

func (s *Store) Create(ctx context.Context, t handlers.Ticket) (handlers.Ticket, error) {
	err := s.pool.QueryRow(ctx, `INSERT INTO tickets (title, status, assignee, created_at) VALUES ($1, $2, nullif($3, ''), $4) RETURNING id`,
		t.Title, t.Status, t.Assignee, t.CreatedAt).Scan(&t.ID)
	return t, err
}

func (s *Store) SetStatus(ctx context.Context, id, status string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE tickets SET status = $2 WHERE id = $1`, id, status)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return handlers.ErrNotFound
	}
	return nil
}

func (s *Store) Purge(ctx context.Context, olderThan time.Duration) (int64, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM tickets WHERE status = 'closed' AND created_at < now() - $1::interval`, olderThan.String())
	return tag.RowsAffected(), err
}

func (s *Store) Record(ctx context.Context, e handlers.AuditEntry) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO ticket_audit (ticket_id, action, actor, at) VALUES ($1, $2, $3, $4)`, e.TicketID, e.Action, e.Actor, e.At)
	return err
}
