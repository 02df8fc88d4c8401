package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("store: not found")

type Invoice struct {
	ID          string
	CustomerID  string
	CustomerRef string
	AmountDue   int64
	Currency    string
	Status      string
	PaidAt      *time.Time
	DueDate     time.Time
}

type LedgerEntry struct {
	CustomerID string
	InvoiceID  string
	Kind       string
	Amount     int64
	Actor      string
	Note       string
}

type Store struct {
	pool *pgxpool.Pool
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse dsn: %w", err)
	}
	cfg.MaxConns = 12
	cfg.MaxConnIdleTime = 5 * time.Minute
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close()                         { s.pool.Close() }
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

func (s *Store) Invoice(ctx context.Context, id string) (*Invoice, error) {
	var inv Invoice
	err := s.pool.QueryRow(ctx, `
		SELECT i.id, i.customer_id, c.provider_ref, i.amount_due, i.currency, i.status, i.paid_at, i.due_date
		FROM invoices i JOIN customers c ON c.id = i.customer_id
		WHERE i.id = $1`, id).
		Scan(&inv.ID, &inv.CustomerID, &inv.CustomerRef, &inv.AmountDue, &inv.Currency, &inv.Status, &inv.PaidAt, &inv.DueDate)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("invoice %s: %w", id, err)
	}
	return &inv, nil
}

func (s *Store) MarkPaid(ctx context.Context, invoiceID string, paidAt time.Time) error {
	tag, err := s.pool.Exec(ctx,
		`UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1 AND status <> 'paid'`,
		invoiceID)
	if err != nil {
		return fmt.Errorf("mark paid %s: %w", invoiceID, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) SetStatus(ctx context.Context, invoiceID, status string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE invoices SET status = $2 WHERE id = $1`, invoiceID, status)
	if err != nil {
		return fmt.Errorf("set status %s: %w", invoiceID, err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) AppendLedger(ctx context.Context, e LedgerEntry) error {
	_, err := s.pool.Exec(ctx, `
		INSERT INTO ledger (customer_id, invoice_id, kind, amount, actor, note)
		VALUES ($1, NULLIF($2, ''), $3, $4, $5, $6)`,
		e.CustomerID, e.InvoiceID, e.Kind, e.Amount, e.Actor, e.Note)
	if err != nil {
		return fmt.Errorf("append ledger: %w", err)
	}
	return nil
}

func (s *Store) AdjustBalance(ctx context.Context, customerID string, delta int64) (int64, error) {
	var balance int64
	err := s.pool.QueryRow(ctx,
		`UPDATE customers SET balance = balance + $2 WHERE id = $1 RETURNING balance`,
		customerID, delta).Scan(&balance)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, ErrNotFound
	}
	return balance, err
}

func (s *Store) SeenEvent(ctx context.Context, eventID string) (bool, error) {
	tag, err := s.pool.Exec(ctx,
		`INSERT INTO processed_events (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, eventID)
	if err != nil {
		return false, fmt.Errorf("record event %s: %w", eventID, err)
	}
	return tag.RowsAffected() == 0, nil
}
