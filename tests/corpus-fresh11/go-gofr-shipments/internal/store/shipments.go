package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

var ErrNotFound = errors.New("shipment not found")

type Shipment struct {
	ID          string    `json:"id"`
	OrderID     string    `json:"order_id"`
	Carrier     string    `json:"carrier"`
	Status      string    `json:"status"`
	TrackingNo  string    `json:"tracking_no,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// ListFilter narrows List results. Zero values mean "no filter".
type ListFilter struct {
	Status  string
	Carrier string
	Limit   int
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) List(ctx context.Context, f ListFilter) ([]Shipment, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	q := `SELECT id, order_id, carrier, status, tracking_no, created_at FROM shipments`
	args := []any{}
	if f.Status != "" {
		q += ` WHERE status = $1`
		args = append(args, f.Status)
	}
	q += fmt.Sprintf(` ORDER BY created_at DESC LIMIT %d`, f.Limit)

	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list shipments: %w", err)
	}
	defer rows.Close()

	var out []Shipment
	for rows.Next() {
		var sh Shipment
		var tracking sql.NullString
		if err := rows.Scan(&sh.ID, &sh.OrderID, &sh.Carrier, &sh.Status, &tracking, &sh.CreatedAt); err != nil {
			return nil, fmt.Errorf("scan shipment: %w", err)
		}
		sh.TrackingNo = tracking.String
		out = append(out, sh)
	}
	return out, rows.Err()
}

func (s *Store) Get(ctx context.Context, id string) (Shipment, error) {
	var sh Shipment
	var tracking sql.NullString
	err := s.db.QueryRowContext(ctx,
		`SELECT id, order_id, carrier, status, tracking_no, created_at FROM shipments WHERE id = $1`, id,
	).Scan(&sh.ID, &sh.OrderID, &sh.Carrier, &sh.Status, &tracking, &sh.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return sh, ErrNotFound
	}
	sh.TrackingNo = tracking.String
	return sh, err
}

// Create inserts the shipment and its initial status event atomically.
func (s *Store) Create(ctx context.Context, sh Shipment) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after a successful commit

	if _, err := tx.ExecContext(ctx,
		`INSERT INTO shipments (id, order_id, carrier, status) VALUES ($1, $2, $3, 'created')`,
		sh.ID, sh.OrderID, sh.Carrier); err != nil {
		return fmt.Errorf("insert shipment: %w", err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO shipment_events (shipment_id, status) VALUES ($1, 'created')`, sh.ID); err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	tx.Commit()
	return nil
}

func (s *Store) UpdateStatus(ctx context.Context, id, status, tracking string) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE shipments SET status = $2, tracking_no = COALESCE(NULLIF($3, ''), tracking_no) WHERE id = $1`,
		id, status, tracking)
	if err != nil {
		return fmt.Errorf("update status: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *Store) Delete(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM shipments WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete shipment: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}
