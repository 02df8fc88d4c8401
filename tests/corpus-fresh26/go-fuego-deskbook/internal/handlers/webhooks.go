package handlers

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"

	"github.com/go-fuego/fuego"

	"github.com/hubspace/deskbook/ent"
)

type billingEvent struct {
	Type      string `json:"type"`
	InvoiceID string `json:"invoice_id"`
	BookingID int    `json:"booking_id"`
}

type WebhookAck struct {
	Received bool `json:"received"`
}

// BillingWebhook receives invoice events from Ledgerly. Requests are signed with
// HMAC-SHA256 over the raw body using the shared webhook secret.
func (h *Handlers) BillingWebhook(c fuego.ContextNoBody) (WebhookAck, error) {
	r := c.Request()
	payload, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return WebhookAck{}, fuego.BadRequestError{Detail: "could not read body"}
	}

	got, err := hex.DecodeString(r.Header.Get("X-Ledgerly-Signature"))
	if err != nil {
		return WebhookAck{}, fuego.UnauthorizedError{Detail: "malformed signature"}
	}
	mac := hmac.New(sha256.New, h.WebhookSecret)
	mac.Write(payload)
	if !bytes.Equal(mac.Sum(nil), got) {
		return WebhookAck{}, fuego.UnauthorizedError{Detail: "invalid signature"}
	}

	var ev billingEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		return WebhookAck{}, fuego.BadRequestError{Detail: "invalid JSON"}
	}

	switch ev.Type {
	case "invoice.paid":
		err = h.DB.Booking.UpdateOneID(ev.BookingID).SetPaid(true).SetInvoiceID(ev.InvoiceID).Exec(r.Context())
	case "invoice.voided":
		err = h.DB.Booking.UpdateOneID(ev.BookingID).SetPaid(false).ClearInvoiceID().Exec(r.Context())
	default:
		h.Log.Debug("ignoring billing event", "type", ev.Type)
		return WebhookAck{Received: true}, nil
	}
	if ent.IsNotFound(err) {
		h.Log.Warn("billing event for unknown booking", "booking_id", ev.BookingID, "type", ev.Type)
		return WebhookAck{Received: true}, nil
	}
	if err != nil {
		return WebhookAck{}, err
	}
	return WebhookAck{Received: true}, nil
}
