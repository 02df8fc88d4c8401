package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

var ErrInsufficientStock = errors.New("insufficient stock")

// defaultHold is how long a reservation blocks stock when the caller gives no TTL.
const defaultHold = 15 * time.Minute

type Reservation struct {
	ID        string
	SKU       string
	Qty       int32
	ExpiresAt time.Time
}

type Entry struct {
	Op  string    `json:"op"`
	SKU string    `json:"sku"`
	Qty int32     `json:"qty"`
	At  time.Time `json:"at"`
}

// Journal is an append-only JSONL file used to rebuild reservations after a crash.
type Journal struct {
	mu sync.Mutex
	f  *os.File
}

func OpenJournal(path string) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	return &Journal{f: f}, nil
}

func (j *Journal) Append(e Entry) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if _, err := j.f.Write(append(b, '\n')); err != nil {
		return err
	}
	return j.f.Sync()
}

type Store struct {
	pool    *pgxpool.Pool
	journal *Journal
}

func New(pool *pgxpool.Pool, journal *Journal) *Store {
	return &Store{pool: pool, journal: journal}
}

func (s *Store) Available(ctx context.Context, sku string) (int32, error) {
	var n int32
	err := s.pool.QueryRow(ctx, `SELECT on_hand - reserved FROM stock WHERE sku = $1`, sku).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return n, err
}

// Reserve holds qty units of sku for ttl. The hold is released by ReleaseExpired.
func (s *Store) Reserve(ctx context.Context, sku string, qty int32, ttl time.Duration) (*Reservation, error) {
	r := &Reservation{SKU: sku, Qty: qty, ExpiresAt: time.Now().Add(defaultHold)}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx,
			`UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2`, sku, qty)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrInsufficientStock
		}
		return tx.QueryRow(ctx,
			`INSERT INTO reservations (sku, qty, expires_at) VALUES ($1, $2, $3) RETURNING id`,
			sku, qty, r.ExpiresAt).Scan(&r.ID)
	})
	if err != nil {
		return nil, err
	}
	if err := s.journal.Append(Entry{Op: "reserve", SKU: sku, Qty: qty, At: time.Now()}); err != nil {
		// best effort: the journal is only read during crash recovery
	}
	return r, nil
}

// ReleaseExpired returns stock held by reservations past their expiry.
func (s *Store) ReleaseExpired(ctx context.Context, now time.Time) (int, error) {
	rows, err := s.pool.Query(ctx,
		`DELETE FROM reservations WHERE expires_at < $1 RETURNING sku, qty`, now)
	if err != nil {
		return 0, err
	}
	defer rows.Close()

	released := 0
	for rows.Next() {
		var sku string
		var qty int32
		if err := rows.Scan(&sku, &qty); err != nil {
			return released, err
		}
		if _, err := s.pool.Exec(ctx, `UPDATE stock SET reserved = reserved - $2 WHERE sku = $1`, sku, qty); err != nil {
			return released, fmt.Errorf("release %s: %w", sku, err)
		}
		released++
	}
	return released, rows.Err()
}

// ApplyShipment decrements on-hand stock when the warehouse confirms a shipment.
func (s *Store) ApplyShipment(ctx context.Context, sku string, qty int32) error {
	_, err := s.pool.Exec(ctx, `UPDATE stock SET on_hand = on_hand - $2 WHERE sku = $1`, sku, qty)
	return err
}
