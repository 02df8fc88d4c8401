package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

var ErrNotFound = errors.New("not found")

type Invoice struct {
	ID          string    `json:"id"`
	CustomerID  string    `json:"customer_id"`
	AmountCents int64     `json:"amount_cents"`
	TaxCents    int64     `json:"tax_cents"`
	Currency    string    `json:"currency"`
	Status      string    `json:"status"`
	CreatedAt   time.Time `json:"created_at"`
}

type NewInvoice struct {
	CustomerID  string
	AmountCents int64
	TaxCents    int64
	Currency    string
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

const invoiceColumns = `id, customer_id, amount_cents, tax_cents, currency, status, created_at`

type scanner interface{ Scan(dest ...any) error }

func scanInvoice(row scanner) (Invoice, error) {
	var inv Invoice
	err := row.Scan(&inv.ID, &inv.CustomerID, &inv.AmountCents, &inv.TaxCents, &inv.Currency, &inv.Status, &inv.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return inv, ErrNotFound
	}
	return inv, err
}

func (s *Store) ListInvoices(ctx context.Context, customerID, status string, limit int) ([]Invoice, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+invoiceColumns+` FROM invoices WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2`,
		customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query invoices: %w", err)
	}
	defer rows.Close()

	var out []Invoice
	for rows.Next() {
		inv, err := scanInvoice(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

func (s *Store) GetInvoice(ctx context.Context, id string) (Invoice, error) {
	return scanInvoice(s.db.QueryRowContext(ctx, `SELECT `+invoiceColumns+` FROM invoices WHERE id = $1`, id))
}

func (s *Store) CreateInvoice(ctx context.Context, in NewInvoice) (Invoice, error) {
	return scanInvoice(s.db.QueryRowContext(ctx,
		`INSERT INTO invoices (id, customer_id, amount_cents, tax_cents, currency, status)
		 VALUES ('inv_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, 'open')
		 RETURNING `+invoiceColumns,
		in.CustomerID, in.AmountCents, in.TaxCents, in.Currency))
}

func (s *Store) VoidInvoice(ctx context.Context, id string) (Invoice, error) {
	return scanInvoice(s.db.QueryRowContext(ctx,
		`UPDATE invoices SET status = 'void' WHERE id = $1 AND status = 'open' RETURNING `+invoiceColumns, id))
}

func (s *Store) MarkPaid(ctx context.Context, invoiceID string, amountCents int64, eventID string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit

	if _, err := tx.ExecContext(ctx, `UPDATE invoices SET status = 'paid' WHERE id = $1`, invoiceID); err != nil {
		return fmt.Errorf("update invoice: %w", err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO payments (invoice_id, amount_cents, provider_event_id) VALUES ($1, $2, $3)
		 ON CONFLICT (provider_event_id) DO NOTHING`, invoiceID, amountCents, eventID); err != nil {
		return fmt.Errorf("insert payment: %w", err)
	}
	return tx.Commit()
}

func (s *Store) MarkRefunded(ctx context.Context, invoiceID, eventID string) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE invoices SET status = 'refunded', refund_event_id = $2 WHERE id = $1 AND status = 'paid'`,
		invoiceID, eventID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) DeleteCustomer(ctx context.Context, customerID string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck

	if _, err := tx.ExecContext(ctx, `DELETE FROM invoices WHERE customer_id = $1`, customerID); err != nil {
		return fmt.Errorf("delete invoices: %w", err)
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM customers WHERE id = $1`, customerID)
	if err != nil {
		return fmt.Errorf("delete customer: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return tx.Commit()
}

func (s *Store) CustomerIDForTokenHash(ctx context.Context, tokenHash string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx,
		`SELECT customer_id FROM api_tokens WHERE token_sha256 = $1 AND revoked_at IS NULL`, tokenHash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return id, err
}
