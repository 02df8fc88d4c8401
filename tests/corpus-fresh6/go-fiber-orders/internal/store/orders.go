package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("not found")

type Order struct {
	ID         string    `json:"id"`
	CustomerID string    `json:"customer_id"`
	Status     string    `json:"status"`
	TotalCents int64     `json:"total_cents"`
	Currency   string    `json:"currency"`
	CreatedAt  time.Time `json:"created_at"`
}

type Store struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// ListOrders returns a customer's orders, newest first, optionally filtered by status.
func (s *Store) ListOrders(ctx context.Context, customerID string, status string, limit int) ([]Order, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, customer_id, status, total_cents, currency, created_at
		FROM orders WHERE customer_id = $1
		ORDER BY created_at DESC LIMIT $2`, customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query orders: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Order])
}

func (s *Store) GetOrder(ctx context.Context, customerID, id string) (*Order, error) {
	row := s.pool.QueryRow(ctx, `
		SELECT id, customer_id, status, total_cents, currency, created_at
		FROM orders WHERE customer_id = $1 AND id = $2`, customerID, id)
	var o Order
	if err := row.Scan(&o.ID, &o.CustomerID, &o.Status, &o.TotalCents, &o.Currency, &o.CreatedAt); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("get order %s: %w", id, err)
	}
	return &o, nil
}

func (s *Store) CancelOrder(ctx context.Context, customerID, id string) error {
	tag, err := s.pool.Exec(ctx,
		`UPDATE orders SET status = 'cancelled' WHERE customer_id = $1 AND id = $2 AND status = 'pending'`,
		customerID, id)
	if err != nil {
		return fmt.Errorf("cancel order %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) MarkPaid(ctx context.Context, id string, paymentRef string) error {
	_, err := s.pool.Exec(ctx, `UPDATE orders SET status = 'paid', payment_ref = $2 WHERE id = $1`, id, paymentRef)
	return err
}

func (s *Store) RecordAudit(ctx context.Context, actor, action, subject string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)`, actor, action, subject)
	return err
}
