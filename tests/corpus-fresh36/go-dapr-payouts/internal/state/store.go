// Package state wraps the Dapr state API for balances and payouts.
package state

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	dapr "github.com/dapr/go-sdk/client"
)

const (
	storeName  = "payouts-state"
	sellersKey = "index:sellers"
	spoolDir   = "/tmp/payouts-spool"
)

var ErrNotFound = errors.New("not found")

// Client is the part of dapr.Client the store uses.
type Client interface {
	GetState(ctx context.Context, storeName, key string, meta map[string]string) (*dapr.StateItem, error)
	SaveState(ctx context.Context, storeName, key string, data []byte, meta map[string]string, so ...dapr.StateOption) error
	SaveStateWithETag(ctx context.Context, storeName, key string, data []byte, etag string, meta map[string]string, so ...dapr.StateOption) error
}

type Balance struct {
	SellerID  string    `json:"seller_id"`
	Cents     int64     `json:"cents"`
	Currency  string    `json:"currency"`
	UpdatedAt time.Time `json:"updated_at"`
}

type Payout struct {
	ID           string    `json:"id"`
	SellerID     string    `json:"seller_id"`
	Cents        int64     `json:"cents"`
	Currency     string    `json:"currency"`
	Status       string    `json:"status"` // pending_approval, submitted, settled, failed, held, cancelled
	TransferRef  string    `json:"transfer_ref,omitempty"`
	ApprovedBy   string    `json:"approved_by,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	StatusReason string    `json:"status_reason,omitempty"`
}

type Store struct {
	c Client
}

func New(c Client) *Store { return &Store{c: c} }

func (s *Store) getJSON(ctx context.Context, key string, v any) (string, error) {
	item, err := s.c.GetState(ctx, storeName, key, nil)
	if err != nil {
		return "", err
	}
	if item == nil || len(item.Value) == 0 {
		return "", ErrNotFound
	}
	return item.Etag, json.Unmarshal(item.Value, v)
}

func (s *Store) Balance(ctx context.Context, sellerID string) (*Balance, string, error) {
	var b Balance
	etag, err := s.getJSON(ctx, "balance:"+sellerID, &b)
	if errors.Is(err, ErrNotFound) {
		return &Balance{SellerID: sellerID}, "", nil
	}
	return &b, etag, err
}

// CreditSeller adds a completed order's net amount to the seller's balance.
func (s *Store) CreditSeller(ctx context.Context, sellerID string, amountCents int64, currency string) error {
	b, etag, err := s.Balance(ctx, sellerID)
	if err != nil {
		return err
	}
	b.Cents += amountCents
	b.UpdatedAt = time.Now().UTC()
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	opt := dapr.WithConcurrency(dapr.StateConcurrencyFirstWrite)
	if etag == "" {
		if err := s.c.SaveState(ctx, storeName, "balance:"+sellerID, data, nil, opt); err != nil {
			return err
		}
		return s.addSeller(ctx, sellerID)
	}
	return s.c.SaveStateWithETag(ctx, storeName, "balance:"+sellerID, data, etag, nil, opt)
}

func (s *Store) Debit(ctx context.Context, sellerID string, amountCents int64) error {
	b, etag, err := s.Balance(ctx, sellerID)
	if err != nil {
		return err
	}
	if b.Cents < amountCents {
		return fmt.Errorf("balance of %s is %d, cannot debit %d", sellerID, b.Cents, amountCents)
	}
	b.Cents -= amountCents
	b.UpdatedAt = time.Now().UTC()
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return s.c.SaveStateWithETag(ctx, storeName, "balance:"+sellerID, data, etag, nil,
		dapr.WithConcurrency(dapr.StateConcurrencyFirstWrite))
}

func (s *Store) addSeller(ctx context.Context, sellerID string) error {
	var ids []string
	etag, err := s.getJSON(ctx, sellersKey, &ids)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	for _, id := range ids {
		if id == sellerID {
			return nil
		}
	}
	data, _ := json.Marshal(append(ids, sellerID))
	return s.c.SaveStateWithETag(ctx, storeName, sellersKey, data, etag, nil,
		dapr.WithConcurrency(dapr.StateConcurrencyFirstWrite))
}

func (s *Store) Sellers(ctx context.Context) ([]string, error) {
	var ids []string
	_, err := s.getJSON(ctx, sellersKey, &ids)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	return ids, err
}

func (s *Store) Payout(ctx context.Context, id string) (*Payout, error) {
	var p Payout
	if _, err := s.getJSON(ctx, "payout:"+id, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

func (s *Store) SavePayout(ctx context.Context, p *Payout) error {
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.c.SaveState(ctx, storeName, "payout:"+p.ID, data, nil)
}

// Spool keeps an event that could not be published so the next payout run can replay it.
func Spool(name string, payload []byte) error {
	if err := os.MkdirAll(spoolDir, 0o700); err != nil {
		return err
	}
	file := filepath.Join(spoolDir, fmt.Sprintf("%d-%s.json", time.Now().UnixNano(), name))
	return os.WriteFile(file, payload, 0o600)
}

func SpoolDir() string { return spoolDir }
