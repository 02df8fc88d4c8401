package service

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

var ErrNotFound = errors.New("order not found")

type Order struct {
	ID         string    `json:"id"`
	TenantID   string    `json:"tenant_id"`
	CustomerID string    `json:"customer_id"`
	Status     string    `json:"status"`
	TotalCents int64     `json:"total_cents"`
	CreatedAt  time.Time `json:"created_at"`
}

type Item struct {
	SKU        string `json:"sku" binding:"required"`
	Qty        int    `json:"qty" binding:"required,min=1"`
	PriceCents int64  `json:"price_cents" binding:"min=0"`
}

type NewOrder struct {
	CustomerID string `json:"customer_id" binding:"required"`
	Items      []Item `json:"items" binding:"required,min=1,dive"`
}

// Filter narrows List results. Zero values mean "any".
type Filter struct {
	Status     string
	CustomerID string
	Since      time.Time
}

type Auditor interface {
	Record(ctx context.Context, tenant, action, target string) error
}

type Orders struct {
	db    *sql.DB
	audit Auditor
}

func NewOrders(db *sql.DB, audit Auditor) *Orders {
	return &Orders{db: db, audit: audit}
}

// List returns the tenant's orders matching f, newest first.
func (s *Orders) List(ctx context.Context, tenant string, f Filter, limit int) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, tenant_id, customer_id, status, total_cents, created_at
		   FROM orders WHERE tenant_id = $1 AND deleted_at IS NULL
		  ORDER BY created_at DESC LIMIT $2`, tenant, limit)
	if err != nil {
		return nil, fmt.Errorf("list orders: %w", err)
	}
	defer rows.Close()

	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.TenantID, &o.CustomerID, &o.Status, &o.TotalCents, &o.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (s *Orders) Get(ctx context.Context, tenant, id string) (*Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx,
		`SELECT id, tenant_id, customer_id, status, total_cents, created_at
		   FROM orders WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`, tenant, id).
		Scan(&o.ID, &o.TenantID, &o.CustomerID, &o.Status, &o.TotalCents, &o.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get order %s: %w", id, err)
	}
	return &o, nil
}

func (s *Orders) Create(ctx context.Context, tenant string, in NewOrder) (*Order, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	// Rollback after a successful Commit returns sql.ErrTxDone; nothing to handle.
	defer func() { _ = tx.Rollback() }()

	var total int64
	for _, it := range in.Items {
		total += int64(it.Qty) * it.PriceCents
	}
	o := &Order{TenantID: tenant, CustomerID: in.CustomerID, Status: "pending", TotalCents: total}
	err = tx.QueryRowContext(ctx,
		`INSERT INTO orders (tenant_id, customer_id, status, total_cents) VALUES ($1, $2, $3, $4)
		 RETURNING id, created_at`, tenant, in.CustomerID, o.Status, total).Scan(&o.ID, &o.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("insert order: %w", err)
	}
	for _, it := range in.Items {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO order_items (order_id, sku, qty, price_cents) VALUES ($1, $2, $3, $4)`,
			o.ID, it.SKU, it.Qty, it.PriceCents); err != nil {
			return nil, fmt.Errorf("insert item %s: %w", it.SKU, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	_ = s.audit.Record(ctx, tenant, "order.created", o.ID)
	return o, nil
}

func (s *Orders) Delete(ctx context.Context, tenant, id string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE orders SET deleted_at = now() WHERE tenant_id = $1 AND id = $2`, tenant, id)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return s.audit.Record(ctx, tenant, "order.deleted", id)
}

func (s *Orders) SetStatus(ctx context.Context, tenant, id, status string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE orders SET status = $3 WHERE tenant_id = $1 AND id = $2`, tenant, id, status)
	if err != nil {
		return fmt.Errorf("set status: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNotFound
	}
	return s.audit.Record(ctx, tenant, "order.status."+status, id)
}
