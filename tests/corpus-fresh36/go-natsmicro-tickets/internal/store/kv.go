// Package store keeps holds and seat claims in JetStream key-value buckets.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

var (
	ErrSeatTaken = errors.New("seat already held")
	ErrNotFound  = errors.New("hold not found")
)

type Hold struct {
	ID          string    `json:"id"`
	EventID     string    `json:"event_id"`
	CustomerID  string    `json:"customer_id"`
	Seats       []string  `json:"seats"`
	Status      string    `json:"status"` // held, paid, refunded, voided
	AmountCents int64     `json:"amount_cents"`
	Currency    string    `json:"currency"`
	PaymentRef  string    `json:"payment_ref,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	ExpiresAt   time.Time `json:"expires_at"`
}

type KV struct {
	holds jetstream.KeyValue
	seats jetstream.KeyValue
}

func Open(ctx context.Context, js jetstream.JetStream, holdTTL time.Duration) (*KV, error) {
	holds, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      "ticket_holds",
		Description: "holds and orders by <event>.<hold>",
		History:     5,
		Storage:     jetstream.FileStorage,
	})
	if err != nil {
		return nil, fmt.Errorf("holds bucket: %w", err)
	}
	// Seat claims expire with the hold unless the order is paid (paid claims are re-put without TTL marker).
	seats, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      "ticket_seats",
		Description: "seat claims by <event>.<seat>",
		TTL:         holdTTL,
		Storage:     jetstream.FileStorage,
	})
	if err != nil {
		return nil, fmt.Errorf("seats bucket: %w", err)
	}
	return &KV{holds: holds, seats: seats}, nil
}

func holdKey(eventID, holdID string) string { return eventID + "." + holdID }
func seatKey(eventID, seat string) string   { return eventID + "." + strings.ReplaceAll(seat, ".", "_") }

// ClaimSeats claims every seat for the hold or none of them.
func (s *KV) ClaimSeats(ctx context.Context, eventID, holdID string, seats []string) error {
	claimed := make([]string, 0, len(seats))
	for _, seat := range seats {
		if _, err := s.seats.Create(ctx, seatKey(eventID, seat), []byte(holdID)); err != nil {
			if rerr := s.ReleaseSeats(ctx, eventID, claimed); rerr != nil {
				return fmt.Errorf("claim %s: %w (rollback failed: %v)", seat, err, rerr)
			}
			if errors.Is(err, jetstream.ErrKeyExists) {
				return fmt.Errorf("%w: %s", ErrSeatTaken, seat)
			}
			return err
		}
		claimed = append(claimed, seat)
	}
	return nil
}

func (s *KV) ReleaseSeats(ctx context.Context, eventID string, seats []string) error {
	var errs []error
	for _, seat := range seats {
		if err := s.seats.Delete(ctx, seatKey(eventID, seat)); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (s *KV) TakenSeats(ctx context.Context, eventID string) (int, error) {
	lister, err := s.seats.ListKeysFiltered(ctx, eventID+".>")
	if err != nil {
		if errors.Is(err, jetstream.ErrNoKeysFound) {
			return 0, nil
		}
		return 0, err
	}
	n := 0
	for range lister.Keys() {
		n++
	}
	return n, nil
}

func (s *KV) PutHold(ctx context.Context, h Hold) error {
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	_, err = s.holds.Put(ctx, holdKey(h.EventID, h.ID), b)
	return err
}

func (s *KV) GetHold(ctx context.Context, eventID, holdID string) (*Hold, error) {
	entry, err := s.holds.Get(ctx, holdKey(eventID, holdID))
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var h Hold
	if err := json.Unmarshal(entry.Value(), &h); err != nil {
		return nil, err
	}
	return &h, nil
}

// ListHolds returns the holds a customer has for an event.
func (s *KV) ListHolds(ctx context.Context, eventID, customerID string) ([]Hold, error) {
	lister, err := s.holds.ListKeysFiltered(ctx, eventID+".>")
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return []Hold{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := []Hold{}
	for key := range lister.Keys() {
		entry, err := s.holds.Get(ctx, key)
		if err != nil {
			return nil, err
		}
		var h Hold
		if err := json.Unmarshal(entry.Value(), &h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

func (s *KV) SetStatus(ctx context.Context, eventID, holdID, status, paymentRef string) error {
	h, err := s.GetHold(ctx, eventID, holdID)
	if err != nil {
		return err
	}
	h.Status = status
	if paymentRef != "" {
		h.PaymentRef = paymentRef
	}
	return s.PutHold(ctx, *h)
}

func (s *KV) MarkRefunded(ctx context.Context, eventID, holdID string) error {
	return s.SetStatus(ctx, eventID, holdID, "refunded", "")
}
