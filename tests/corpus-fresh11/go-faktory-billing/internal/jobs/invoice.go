package jobs

import (
	"context"
	"fmt"
	"log/slog"

	fworker "github.com/contribsys/faktory_worker_go"

	"github.com/northwind-billing/billing-worker/internal/mail"
	"github.com/northwind-billing/billing-worker/internal/render"
	"github.com/northwind-billing/billing-worker/internal/webhook"
)

type Invoice struct {
	ID         int64
	Customer   string
	Email      string
	WebhookURL string
	AmountCent int64
	Currency   string
}

type Store interface {
	Invoice(ctx context.Context, id int64) (Invoice, error)
	MarkSent(ctx context.Context, id int64, jid string) error
	Refund(ctx context.Context, id int64, reason string) error
}

type InvoiceJobs struct {
	store    Store
	mailer   *mail.Mailer
	notifier *webhook.Notifier
}

func NewInvoiceJobs(s Store, m *mail.Mailer, n *webhook.Notifier) *InvoiceJobs {
	return &InvoiceJobs{store: s, mailer: m, notifier: n}
}

func invoiceID(args []interface{}) (int64, error) {
	if len(args) < 1 {
		return 0, fmt.Errorf("missing invoice id")
	}
	switch v := args[0].(type) {
	case float64: // JSON numbers
		return int64(v), nil
	case int64:
		return v, nil
	default:
		return 0, fmt.Errorf("invoice id has type %T", args[0])
	}
}

func (j *InvoiceJobs) SendInvoice(ctx context.Context, args ...interface{}) error {
	help := fworker.HelperFor(ctx)
	id, err := invoiceID(args)
	if err != nil {
		return err
	}
	inv, err := j.store.Invoice(ctx, id)
	if err != nil {
		return fmt.Errorf("load invoice %d: %w", id, err)
	}
	pdf, err := render.InvoicePDF(inv.ID, inv.Customer, inv.AmountCent, inv.Currency)
	if err != nil {
		return fmt.Errorf("render invoice %d: %w", id, err)
	}
	if err := j.mailer.Send(inv.Email, fmt.Sprintf("Invoice #%d", inv.ID), "invoice.html", pdf); err != nil {
		return fmt.Errorf("mail invoice %d: %w", id, err)
	}
	if err := j.store.MarkSent(ctx, id, help.Jid()); err != nil {
		// The mail went out; retrying would send a duplicate. Record and move on.
		slog.Error("invoice sent but not marked", "invoice", id, "err", err)
		return nil
	}
	return nil
}

func (j *InvoiceJobs) Refund(ctx context.Context, args ...interface{}) error {
	id, err := invoiceID(args)
	if err != nil {
		return err
	}
	reason, _ := args[1].(string)
	return j.store.Refund(ctx, id, reason)
}

func (j *InvoiceJobs) NotifyCustomer(ctx context.Context, args ...interface{}) error {
	id, err := invoiceID(args)
	if err != nil {
		return err
	}
	inv, err := j.store.Invoice(ctx, id)
	if err != nil {
		return err
	}
	return j.notifier.Post(ctx, inv.WebhookURL, map[string]any{"invoice_id": inv.ID, "status": "sent"})
}
