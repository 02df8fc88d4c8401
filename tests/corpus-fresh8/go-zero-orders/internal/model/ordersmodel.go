package model

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/zeromicro/go-zero/core/stores/sqlx"
)

var ErrNotFound = sqlx.ErrNotFound

type Order struct {
	Id         string    `db:"id"`
	CustomerId string    `db:"customer_id"`
	Status     string    `db:"status"`
	TotalCts   int64     `db:"total_cents"`
	ItemsJSON  string    `db:"items_json"`
	CreatedAt  time.Time `db:"created_at"`
}

type OrdersModel interface {
	Insert(ctx context.Context, o *Order) error
	FindOne(ctx context.Context, id string) (*Order, error)
	UpdateStatus(ctx context.Context, id, status string) error
	Delete(ctx context.Context, id string) error
}

type defaultOrdersModel struct {
	conn sqlx.SqlConn
}

func NewOrdersModel(conn sqlx.SqlConn) OrdersModel {
	return &defaultOrdersModel{conn: conn}
}

func (m *defaultOrdersModel) Insert(ctx context.Context, o *Order) error {
	_, err := m.conn.ExecCtx(ctx,
		"INSERT INTO orders (id, customer_id, status, total_cents, items_json) VALUES ($1, $2, $3, $4, $5)",
		o.Id, o.CustomerId, o.Status, o.TotalCts, o.ItemsJSON)
	return err
}

func (m *defaultOrdersModel) FindOne(ctx context.Context, id string) (*Order, error) {
	var o Order
	err := m.conn.QueryRowCtx(ctx, &o, "SELECT id, customer_id, status, total_cents, items_json, created_at FROM orders WHERE id = $1", id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return &o, err
}

func (m *defaultOrdersModel) UpdateStatus(ctx context.Context, id, status string) error {
	_, err := m.conn.ExecCtx(ctx, "UPDATE orders SET status = $2 WHERE id = $1", id, status)
	return err
}

func (m *defaultOrdersModel) Delete(ctx context.Context, id string) error {
	_, err := m.conn.ExecCtx(ctx, "DELETE FROM orders WHERE id = $1", id)
	return err
}
