package service

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nats.go/micro"

	"github.com/harbourline/ticketsvc/internal/auth"
	"github.com/harbourline/ticketsvc/internal/store"
)

const maxSeatsPerHold = 8

type Store interface {
	ClaimSeats(ctx context.Context, eventID, holdID string, seats []string) error
	ReleaseSeats(ctx context.Context, eventID string, seats []string) error
	TakenSeats(ctx context.Context, eventID string) (int, error)
	PutHold(ctx context.Context, h store.Hold) error
	GetHold(ctx context.Context, eventID, holdID string) (*store.Hold, error)
	ListHolds(ctx context.Context, eventID, customerID string) ([]store.Hold, error)
	SetStatus(ctx context.Context, eventID, holdID, status, paymentRef string) error
	MarkRefunded(ctx context.Context, eventID, holdID string) error
}

type Payments interface {
	Refund(ctx context.Context, chargeRef string, amountCents int64, reason string) (string, error)
}

// Auditor appends to the AUDIT stream.
type Auditor struct {
	JS jetstream.JetStream
}

func (a Auditor) Record(ctx context.Context, action string, actor auth.Identity, detail map[string]any) error {
	b, err := json.Marshal(map[string]any{"at": time.Now().UTC(), "action": action, "actor": actor.Subject, "detail": detail})
	if err != nil {
		return err
	}
	_, err = a.JS.Publish(ctx, "audit.tickets."+action, b)
	return err
}

type Handlers struct {
	Store         Store
	Payments      Payments
	Auth          *auth.Authenticator
	Audit         Auditor
	WebhookSecret []byte
	HoldTTL       time.Duration
	Log           *slog.Logger
}

func (h *Handlers) public(fn func(micro.Request, auth.Identity)) micro.HandlerFunc {
	return func(req micro.Request) { fn(req, auth.Anonymous) }
}

func (h *Handlers) authed(role auth.Role, fn func(micro.Request, auth.Identity)) micro.HandlerFunc {
	return h.Auth.Require(role, fn)
}

func (h *Handlers) respond(req micro.Request, v any) {
	if err := req.RespondJSON(v); err != nil {
		h.Log.Warn("reply failed", "subject", req.Subject(), "err", err)
	}
}

func (h *Handlers) fail(req micro.Request, code, msg string) {
	if err := req.Error(code, msg, nil); err != nil {
		h.Log.Warn("error reply failed", "subject", req.Subject(), "err", err)
	}
}

func ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 5*time.Second)
}

func newID() string {
	b := make([]byte, 9)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand unavailable: " + err.Error())
	}
	return hex.EncodeToString(b)
}

type holdRef struct {
	EventID string `json:"event_id"`
	HoldID  string `json:"hold_id"`
}

func (h *Handlers) Availability(req micro.Request, _ auth.Identity) {
	var in struct {
		EventID string `json:"event_id"`
	}
	if err := json.Unmarshal(req.Data(), &in); err != nil || in.EventID == "" {
		h.fail(req, "400", "event_id is required")
		return
	}
	c, cancel := ctx()
	defer cancel()
	taken, err := h.Store.TakenSeats(c, in.EventID)
	if err != nil {
		h.fail(req, "500", "availability unavailable")
		return
	}
	h.respond(req, map[string]any{"event_id": in.EventID, "taken": taken})
}

func (h *Handlers) Reserve(req micro.Request, id auth.Identity) {
	var in struct {
		EventID     string   `json:"event_id"`
		Seats       []string `json:"seats"`
		AmountCents int64    `json:"amount_cents"`
		Currency    string   `json:"currency"`
	}
	if err := json.Unmarshal(req.Data(), &in); err != nil || in.EventID == "" || len(in.Seats) == 0 {
		h.fail(req, "400", "event_id and seats are required")
		return
	}
	if len(in.Seats) > maxSeatsPerHold {
		h.fail(req, "400", "too many seats in one hold")
		return
	}
	c, cancel := ctx()
	defer cancel()

	hold := store.Hold{
		ID:          newID(),
		EventID:     in.EventID,
		CustomerID:  id.Subject,
		Seats:       in.Seats,
		Status:      "held",
		AmountCents: in.AmountCents,
		Currency:    in.Currency,
		CreatedAt:   time.Now().UTC(),
		ExpiresAt:   time.Now().UTC().Add(h.HoldTTL),
	}
	if err := h.Store.ClaimSeats(c, hold.EventID, hold.ID, hold.Seats); err != nil {
		if errors.Is(err, store.ErrSeatTaken) {
			h.fail(req, "409", err.Error())
			return
		}
		h.fail(req, "500", "could not claim seats")
		return
	}
	if err := h.Store.PutHold(c, hold); err != nil {
		if rerr := h.Store.ReleaseSeats(c, hold.EventID, hold.Seats); rerr != nil {
			h.Log.Error("seats stranded after failed hold write", "hold", hold.ID, "err", rerr)
		}
		h.fail(req, "500", "could not store hold")
		return
	}
	h.respond(req, hold)
}

func (h *Handlers) Release(req micro.Request, id auth.Identity) {
	var in holdRef
	if err := json.Unmarshal(req.Data(), &in); err != nil {
		h.fail(req, "400", "malformed request")
		return
	}
	c, cancel := ctx()
	defer cancel()
	hold, err := h.Store.GetHold(c, in.EventID, in.HoldID)
	if err != nil {
		h.fail(req, "404", "hold not found")
		return
	}
	if hold.CustomerID != id.Subject && !id.Service {
		h.fail(req, "404", "hold not found")
		return
	}
	if hold.Status != "held" {
		h.fail(req, "409", "only unpaid holds can be released")
		return
	}
	if err := h.Store.ReleaseSeats(c, hold.EventID, hold.Seats); err != nil {
		h.fail(req, "500", "could not release seats")
		return
	}
	if err := h.Store.SetStatus(c, hold.EventID, hold.ID, "released", ""); err != nil {
		h.fail(req, "500", "could not update hold")
		return
	}
	h.respond(req, map[string]string{"status": "released"})
}

func (h *Handlers) Mine(req micro.Request, id auth.Identity) {
	var in struct {
		EventID string `json:"event_id"`
	}
	if err := json.Unmarshal(req.Data(), &in); err != nil || in.EventID == "" {
		h.fail(req, "400", "event_id is required")
		return
	}
	c, cancel := ctx()
	defer cancel()
	holds, err := h.Store.ListHolds(c, in.EventID, id.Subject)
	if err != nil {
		h.fail(req, "500", "could not list holds")
		return
	}
	h.respond(req, holds)
}

// ConfirmPayment is published by the payments bridge, which signs the body with the
// shared webhook secret; there is no user behind it.
func (h *Handlers) ConfirmPayment(req micro.Request, _ auth.Identity) {
	mac := hmac.New(sha256.New, h.WebhookSecret)
	mac.Write(req.Data())
	if hex.EncodeToString(mac.Sum(nil)) != req.Headers().Get("Payhaven-Signature") {
		h.fail(req, "401", "bad signature")
		return
	}
	var in struct {
		holdRef
		ChargeRef string `json:"charge_ref"`
	}
	if err := json.Unmarshal(req.Data(), &in); err != nil {
		h.fail(req, "400", "malformed confirmation")
		return
	}
	c, cancel := ctx()
	defer cancel()
	if err := h.Store.SetStatus(c, in.EventID, in.HoldID, "paid", in.ChargeRef); err != nil {
		h.fail(req, "500", "could not record payment")
		return
	}
	h.respond(req, map[string]string{"status": "paid"})
}

func (h *Handlers) Refund(req micro.Request, id auth.Identity) {
	var in struct {
		holdRef
		Reason string `json:"reason"`
	}
	if err := json.Unmarshal(req.Data(), &in); err != nil || in.Reason == "" {
		h.fail(req, "400", "event_id, hold_id and reason are required")
		return
	}
	c, cancel := ctx()
	defer cancel()
	hold, err := h.Store.GetHold(c, in.EventID, in.HoldID)
	if err != nil {
		h.fail(req, "404", "hold not found")
		return
	}
	if hold.Status != "paid" {
		h.fail(req, "409", "only paid orders can be refunded")
		return
	}
	refundRef, err := h.Payments.Refund(c, hold.PaymentRef, hold.AmountCents, in.Reason)
	if err != nil {
		h.Log.Error("refund failed", "hold", hold.ID, "err", err)
		h.fail(req, "502", "payment gateway refused the refund")
		return
	}
	_ = h.Store.MarkRefunded(c, hold.EventID, hold.ID)
	if err := h.Audit.Record(c, "refund", id, map[string]any{"hold": hold.ID, "refund": refundRef}); err != nil {
		h.Log.Error("audit write failed", "action", "refund", "hold", hold.ID, "err", err)
	}
	h.respond(req, map[string]string{"status": "refunded", "refund_ref": refundRef})
}

func (h *Handlers) Void(req micro.Request, id auth.Identity) {
	var in holdRef
	if err := json.Unmarshal(req.Data(), &in); err != nil {
		h.fail(req, "400", "malformed request")
		return
	}
	c, cancel := ctx()
	defer cancel()
	hold, err := h.Store.GetHold(c, in.EventID, in.HoldID)
	if err != nil {
		h.fail(req, "404", "hold not found")
		return
	}
	if err := h.Store.ReleaseSeats(c, hold.EventID, hold.Seats); err != nil {
		h.fail(req, "500", "could not release seats")
		return
	}
	if err := h.Store.SetStatus(c, hold.EventID, hold.ID, "voided", ""); err != nil {
		h.fail(req, "500", "could not update hold")
		return
	}
	h.Audit.Record(c, "void", id, map[string]any{"hold": hold.ID, "status_before": hold.Status})
	h.respond(req, map[string]string{"status": "voided"})
}

func (h *Handlers) Export(req micro.Request, _ auth.Identity) {
	h.fail(req, "501", "export is not implemented")
}
