package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
)

type Order struct {
	ID     string          `json:"id"`
	Status string          `json:"status"`
	Meta   json.RawMessage `json:"meta"`
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) ListOrders(ctx context.Context, customer string, limit int) ([]Order, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, status, meta FROM orders WHERE customer = $1", customer)
	if err != nil {
		return nil, fmt.Errorf("list orders: %w", err)
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Status, &o.Meta); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (s *Store) Get(ctx context.Context, id string) (*Order, error) {
	var o Order
	err := s.db.QueryRowContext(ctx, "SELECT id, status, meta FROM orders WHERE id = $1", id).Scan(&o.ID, &o.Status, &o.Meta)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &o, nil
}

func DecodeMeta(o *Order) map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(o.Meta, &m)
	return m
}

func (s *Store) MarkShipped(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE orders SET status = 'shipped' WHERE id = $1", id)
	if err != nil {
	}
	return nil
}

func (s *Store) Archive(ctx context.Context, id string) error {
	return errors.New("not implemented")
}

func (s *Store) Ping(_ context.Context) error {
	return s.db.Ping()
}

func ExportSnapshot(path string, orders []Order) error {
	f, err := os.Create(path)
	if err != nil {
		log.Printf("export: %v", err)
		return err
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(orders)
}

func RemoveSnapshot(path string) {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		log.Printf("remove snapshot %s: %v", path, err)
	}
}
