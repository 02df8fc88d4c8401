package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const (
	StatusOpen = "open"
	StatusPaid = "paid"
	StatusVoid = "void"
)

var (
	ErrNotFound = errors.New("invoice not found")
	ErrNotOpen  = errors.New("invoice is not open")
	ErrAmount   = errors.New("payment amount does not match invoice total")
)

type LineItem struct {
	Description     string
	Quantity        int64
	UnitAmountCents int64
}

type Invoice struct {
	ID            string
	CustomerID    string
	CustomerEmail string
	Currency      string
	Items         []LineItem
	TotalCents    int64
	Status        string
	CreatedAt     time.Time
	PaidAt        sql.NullTime
}

type APIKey struct {
	ID      string
	Hash    []byte
	Scopes  []string
	Revoked bool
}

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *Store) APIKey(ctx context.Context, id string) (*APIKey, error) {
	var k APIKey
	var scopes string
	err := s.db.QueryRowContext(ctx, `SELECT id, key_hash, scopes, revoked FROM api_keys WHERE id = $1`, id).
		Scan(&k.ID, &k.Hash, &scopes, &k.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	k.Scopes = splitScopes(scopes)
	return &k, nil
}

func splitScopes(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

func (s *Store) CreateInvoice(ctx context.Context, inv *Invoice) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	err = tx.QueryRowContext(ctx,
		`INSERT INTO invoices (customer_id, customer_email, currency, total_cents, status, created_at)
		 VALUES ($1, $2, $3, $4, 'open', now()) RETURNING id, created_at`,
		inv.CustomerID, inv.CustomerEmail, inv.Currency, inv.TotalCents,
	).Scan(&inv.ID, &inv.CreatedAt)
	if err != nil {
		return err
	}
	for i, it := range inv.Items {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO invoice_items (invoice_id, position, description, quantity, unit_amount_cents) VALUES ($1, $2, $3, $4, $5)`,
			inv.ID, i, it.Description, it.Quantity, it.UnitAmountCents); err != nil {
			return fmt.Errorf("item %d: %w", i, err)
		}
	}
	inv.Status = StatusOpen
	return tx.Commit()
}

func (s *Store) Invoice(ctx context.Context, id string) (*Invoice, error) {
	var inv Invoice
	err := s.db.QueryRowContext(ctx,
		`SELECT id, customer_id, customer_email, currency, total_cents, status, created_at, paid_at FROM invoices WHERE id = $1`, id,
	).Scan(&inv.ID, &inv.CustomerID, &inv.CustomerEmail, &inv.Currency, &inv.TotalCents, &inv.Status, &inv.CreatedAt, &inv.PaidAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT description, quantity, unit_amount_cents FROM invoice_items WHERE invoice_id = $1 ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it LineItem
		if err := rows.Scan(&it.Description, &it.Quantity, &it.UnitAmountCents); err != nil {
			return nil, err
		}
		inv.Items = append(inv.Items, it)
	}
	return &inv, rows.Err()
}

func (s *Store) ListInvoices(ctx context.Context, customerID, status string, limit int, afterID string) ([]*Invoice, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, customer_id, customer_email, currency, total_cents, status, created_at, paid_at
		 FROM invoices
		 WHERE ($1 = '' OR customer_id = $1) AND ($2 = '' OR status = $2) AND ($3 = '' OR id > $3)
		 ORDER BY id LIMIT $4`, customerID, status, afterID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.Scan(&inv.ID, &inv.CustomerID, &inv.CustomerEmail, &inv.Currency, &inv.TotalCents, &inv.Status, &inv.CreatedAt, &inv.PaidAt); err != nil {
			return nil, err
		}
		out = append(out, &inv)
	}
	return out, rows.Err()
}

// MarkPaid records the payment and flips the invoice to paid in one transaction.
func (s *Store) MarkPaid(ctx context.Context, id, reference string, amountCents int64) (*Invoice, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	var total int64
	var status string
	if err := tx.QueryRowContext(ctx, `SELECT total_cents, status FROM invoices WHERE id = $1 FOR UPDATE`, id).Scan(&total, &status); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	if status != StatusOpen {
		return nil, ErrNotOpen
	}
	if amountCents != total {
		return nil, ErrAmount
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO payments (invoice_id, reference, amount_cents, received_at) VALUES ($1, $2, $3, now())`,
		id, reference, amountCents); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = $1`, id); err != nil {
		return nil, err
	}
	tx.Commit()
	return s.Invoice(ctx, id)
}

func (s *Store) Void(ctx context.Context, id, reason string) (*Invoice, error) {
	res, err := s.db.ExecContext(ctx,
		`UPDATE invoices SET status = 'void', void_reason = $2 WHERE id = $1 AND status = 'open'`, id, reason)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, ErrNotOpen
	}
	return s.Invoice(ctx, id)
}
