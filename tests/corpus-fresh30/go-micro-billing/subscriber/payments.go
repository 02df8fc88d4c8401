package subscriber

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go-micro.dev/v4/logger"

	pb "github.com/ledgerline/billing/proto/billing"
)

type EventStore interface {
	SeenEvent(ctx context.Context, eventID string) (bool, error)
	MarkPaid(ctx context.Context, invoiceID string, paidAt time.Time) error
	SetStatus(ctx context.Context, invoiceID, status string) error
}

// PaymentEvents consumes the payments gateway's event stream. Events are signed
// with a key shared between the gateway and billing.
type PaymentEvents struct {
	Store      EventStore
	SigningKey []byte
	ReceiptDir string
}

func Sign(key []byte, ev *pb.PaymentEvent) string {
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s|%s|%s|%s|%d|%d", ev.Id, ev.Type, ev.InvoiceId, ev.PaymentId, ev.Amount, ev.OccurredAt)
	return hex.EncodeToString(mac.Sum(nil))
}

func (s *PaymentEvents) Handle(ctx context.Context, ev *pb.PaymentEvent) error {
	if ev.Signature != Sign(s.SigningKey, ev) {
		logger.Warnf("payments subscriber: dropping event %s with bad signature", ev.Id)
		return nil
	}

	seen, err := s.Store.SeenEvent(ctx, ev.Id)
	if err != nil {
		return err
	}
	if seen {
		return nil
	}
	switch ev.Type {
	case "payment.succeeded":
		if err := s.Store.MarkPaid(ctx, ev.InvoiceId, time.Unix(ev.OccurredAt, 0)); err != nil {
			return fmt.Errorf("mark paid: %w", err)
		}
		return s.writeReceipt(ev)
	case "payment.failed":
		return s.Store.SetStatus(ctx, ev.InvoiceId, "past_due")
	default:
		logger.Infof("payments subscriber: ignoring event type %s", ev.Type)
		return nil
	}
}

func (s *PaymentEvents) writeReceipt(ev *pb.PaymentEvent) error {
	body, err := json.MarshalIndent(map[string]any{
		"invoice": ev.InvoiceId,
		"payment": ev.PaymentId,
		"amount":  ev.Amount,
		"paid_at": time.Unix(ev.OccurredAt, 0).UTC().Format(time.RFC3339),
	}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(s.ReceiptDir, ev.InvoiceId+".json"), body, 0o640)
}
