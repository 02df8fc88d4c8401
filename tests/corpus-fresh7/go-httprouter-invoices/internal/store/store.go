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

type Invoice struct {
	ID         string    `json:"id"`
	CustomerID string    `json:"customer_id"`
	Status     string    `json:"status"`
	TotalCents int64     `json:"total_cents"`
	IssuedAt   time.Time `json:"issued_at"`
}

type Store struct {
	pool *pgxpool.Pool
}

func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// ListInvoices returns up to limit invoices for a customer, newest first.
// Voided invoices are skipped unless includeVoid is set.
func (s *Store) ListInvoices(ctx context.Context, customerID string, limit int, includeVoid bool) ([]Invoice, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, customer_id, status, total_cents, issued_at
		   FROM invoices WHERE customer_id = $1
		  ORDER BY issued_at DESC LIMIT $2`, customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query invoices: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Invoice])
}

func (s *Store) GetInvoice(ctx context.Context, id string) (Invoice, error) {
	var inv Invoice
	err := s.pool.QueryRow(ctx,
		`SELECT id, customer_id, status, total_cents, issued_at FROM invoices WHERE id = $1`, id).
		Scan(&inv.ID, &inv.CustomerID, &inv.Status, &inv.TotalCents, &inv.IssuedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Invoice{}, ErrNotFound
	}
	return inv, err
}

func (s *Store) VoidInvoice(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE invoices SET status = 'void' WHERE id = $1 AND status <> 'void'`, id)
	if err != nil {
		return fmt.Errorf("void invoice %s: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) RecordAudit(ctx context.Context, actor, action, subject string) error {
	_, err := s.pool.Exec(ctx,
		`INSERT INTO audit_log (actor, action, subject) VALUES ($1, $2, $3)`, actor, action, subject)
	return err
}

func (s *Store) MarkPaid(ctx context.Context, id, reference string) error {
	_, err := s.pool.Exec(ctx,
		`UPDATE invoices SET status = 'paid', payment_ref = $2 WHERE id = $1`, id, reference)
	return err
}
