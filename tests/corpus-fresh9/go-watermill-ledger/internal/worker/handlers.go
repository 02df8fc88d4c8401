package worker

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tallyhq/ledger-worker/internal/ledger"
)

var ErrBadSignature = errors.New("invoice event: bad signature")

type InvoiceEvent struct {
	Type        string `json:"type"`
	InvoiceID   string `json:"invoice_id"`
	CustomerID  string `json:"customer_id"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

type Notifier interface {
	Notify(text string) error
}

type InvoiceHandler struct {
	ledger   *ledger.Writer
	notifier Notifier
	secret   []byte
}

// NewInvoiceHandler builds the handler; amounts in other currencies than
// baseCurrency are converted before they are written to the ledger.
func NewInvoiceHandler(w *ledger.Writer, n Notifier, secret []byte, baseCurrency string) *InvoiceHandler {
	return &InvoiceHandler{ledger: w, notifier: n, secret: secret}
}

func (h *InvoiceHandler) sign(payload []byte) string {
	mac := hmac.New(sha256.New, h.secret)
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}

// Handle is registered as a watermill NoPublishHandlerFunc. Returning an error
// nacks the message so the Retry middleware can redeliver it.
func (h *InvoiceHandler) Handle(msg *message.Message) error {
	if msg.Metadata.Get("x-signature") != h.sign(msg.Payload) {
		return ErrBadSignature
	}

	var ev InvoiceEvent
	if err := json.Unmarshal(msg.Payload, &ev); err != nil {
		slog.Warn("dropping malformed invoice event", "uuid", msg.UUID, "err", err)
		return nil
	}

	switch ev.Type {
	case "invoice.paid":
		return h.recordPayment(ev)
	case "invoice.refunded":
		return h.recordRefund(ev)
	case "invoice.voided":
		if err := h.notifier.Notify(fmt.Sprintf("invoice %s voided", ev.InvoiceID)); err != nil {
			return fmt.Errorf("notify void: %w", err)
		}
		return nil
	default:
		slog.Debug("ignoring invoice event", "type", ev.Type)
		return nil
	}
}

func (h *InvoiceHandler) recordPayment(ev InvoiceEvent) error {
	entry := ledger.Entry{
		Ref:         ev.InvoiceID,
		Account:     "receivables:" + ev.CustomerID,
		AmountCents: -ev.AmountCents,
		Currency:    ev.Currency,
	}
	if err := h.ledger.Append(entry); err != nil {
		return fmt.Errorf("append payment %s: %w", ev.InvoiceID, err)
	}
	return nil
}

func (h *InvoiceHandler) recordRefund(ev InvoiceEvent) error {
	// TODO: post the reversing entry once finance signs off on the refund account mapping
	return nil
}
