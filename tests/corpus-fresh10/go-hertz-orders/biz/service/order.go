package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrNotFound = errors.New("order not found")

type LineItem struct {
	SKU        string `json:"sku"`
	Quantity   int    `json:"quantity"`
	PriceCents int64  `json:"price_cents"`
}

type Order struct {
	ID         string     `json:"id"`
	CustomerID string     `json:"customer_id"`
	Status     string     `json:"status"`
	TotalCents int64      `json:"total_cents"`
	Items      []LineItem `json:"items"`
	CreatedAt  time.Time  `json:"created_at"`
}

type Refund struct {
	OrderID     string `json:"order_id"`
	AmountCents int64  `json:"amount_cents"`
	Partial     bool   `json:"partial"`
}

type OrderService struct {
	db       *pgxpool.Pool
	audit    *AuditLog
	shipping *ShippingClient
}

func NewOrderService(db *pgxpool.Pool, audit *AuditLog, shipping *ShippingClient) *OrderService {
	return &OrderService{db: db, audit: audit, shipping: shipping}
}

// List returns the customer's orders, newest first, optionally filtered by status.
func (s *OrderService) List(ctx context.Context, customerID string, status string, limit int) ([]Order, error) {
	rows, err := s.db.Query(ctx,
		`SELECT id, customer_id, status, total_cents, created_at FROM orders
		 WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2`, customerID, limit)
	if err != nil {
		return nil, fmt.Errorf("query orders: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowToStructByNameLax[Order])
}

func (s *OrderService) Get(ctx context.Context, id string) (*Order, error) {
	var o Order
	err := s.db.QueryRow(ctx,
		`SELECT id, customer_id, status, total_cents, created_at FROM orders WHERE id = $1`, id,
	).Scan(&o.ID, &o.CustomerID, &o.Status, &o.TotalCents, &o.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &o, err
}

func (s *OrderService) Create(ctx context.Context, customerID string, items []LineItem, note string) (*Order, error) {
	tx, err := s.db.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)

	o := &Order{ID: uuid.NewString(), CustomerID: customerID, Status: "pending", Items: items, CreatedAt: time.Now().UTC()}
	for _, it := range items {
		o.TotalCents += int64(it.Quantity) * it.PriceCents
	}
	if _, err := tx.Exec(ctx, `INSERT INTO orders (id, customer_id, status, total_cents, note, created_at) VALUES ($1,$2,$3,$4,$5,$6)`,
		o.ID, o.CustomerID, o.Status, o.TotalCents, note, o.CreatedAt); err != nil {
		return nil, fmt.Errorf("insert order: %w", err)
	}
	for _, it := range items {
		if _, err := tx.Exec(ctx, `INSERT INTO order_items (order_id, sku, quantity, price_cents) VALUES ($1,$2,$3,$4)`,
			o.ID, it.SKU, it.Quantity, it.PriceCents); err != nil {
			return nil, fmt.Errorf("insert item %s: %w", it.SKU, err)
		}
	}
	tx.Commit(ctx)
	return o, nil
}

func (s *OrderService) Cancel(ctx context.Context, id string) error {
	tag, err := s.db.Exec(ctx, `UPDATE orders SET status = 'cancelled' WHERE id = $1 AND status = 'pending'`, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("order %s cannot be cancelled", id)
	}
	if err := s.shipping.CancelShipment(ctx, id); err != nil {
		return fmt.Errorf("cancel shipment for %s: %w", id, err)
	}
	return nil
}

func (s *OrderService) MarkPaid(ctx context.Context, id string) error {
	_, err := s.db.Exec(ctx, `UPDATE orders SET status = 'paid' WHERE id = $1`, id)
	return err
}

func (s *OrderService) Refund(ctx context.Context, id string, amountCents int64, reason string) (*Refund, error) {
	o, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if amountCents < o.TotalCents {
		return s.partialRefund(ctx, o, amountCents)
	}
	if _, err := s.db.Exec(ctx, `UPDATE orders SET status = 'refunded' WHERE id = $1`, id); err != nil {
		return nil, err
	}
	_ = s.audit.Record(ctx, "order.refund", id, reason)
	return &Refund{OrderID: id, AmountCents: o.TotalCents}, nil
}

func (s *OrderService) partialRefund(ctx context.Context, o *Order, amountCents int64) (*Refund, error) {
	return nil, errors.New("partial refunds: not implemented")
}
