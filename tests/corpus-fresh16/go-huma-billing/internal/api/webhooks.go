package api

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"

	"github.com/danielgtaylor/huma/v2"

	"github.com/northwind-labs/billingd/internal/store"
)

type WebhookHandler struct {
	store  *store.Store
	secret []byte
	logger *slog.Logger
}

type PaymentWebhookInput struct {
	Signature string `header:"X-Signature" required:"true"`
	RawBody   []byte
}

type paymentEvent struct {
	ID          string `json:"id"`
	Type        string `json:"type"`
	InvoiceID   string `json:"invoice_id"`
	AmountCents int64  `json:"amount_cents"`
}

func (w *WebhookHandler) Payment(ctx context.Context, in *PaymentWebhookInput) (*struct{}, error) {
	sig, err := hex.DecodeString(in.Signature)
	if err != nil {
		return nil, huma.Error401Unauthorized("malformed signature")
	}
	mac := hmac.New(sha256.New, w.secret)
	mac.Write(in.RawBody)
	if !bytes.Equal(sig, mac.Sum(nil)) {
		return nil, huma.Error401Unauthorized("invalid signature")
	}

	var ev paymentEvent
	if err := json.Unmarshal(in.RawBody, &ev); err != nil {
		return nil, huma.Error400BadRequest("invalid payload", err)
	}

	switch ev.Type {
	case "payment.succeeded":
		_ = w.store.MarkPaid(ctx, ev.InvoiceID, ev.AmountCents, ev.ID)
	case "payment.refunded":
		if err := w.store.MarkRefunded(ctx, ev.InvoiceID, ev.ID); err != nil {
			w.logger.Error("mark refunded", "invoice", ev.InvoiceID, "event", ev.ID, "err", err)
			return nil, huma.Error500InternalServerError("could not record refund")
		}
	default:
		w.logger.Debug("ignoring payment event", "type", ev.Type)
	}
	return nil, nil
}
