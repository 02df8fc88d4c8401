package worker

import (
	"context"
	"log/slog"
	"time"

	faktory "github.com/contribsys/faktory/client"
	fworker "github.com/contribsys/faktory_worker_go"

	"github.com/northwind-billing/billing-worker/internal/jobs"
	"github.com/northwind-billing/billing-worker/internal/mail"
	"github.com/northwind-billing/billing-worker/internal/webhook"
)

type Config struct {
	Concurrency      int
	Queues           []string
	TemplateDir      string
	InsecureWebhooks bool
}

// logJobs records start, duration and failure of every job.
func logJobs(ctx context.Context, job *faktory.Job, next func(ctx context.Context) error) error {
	start := time.Now()
	err := next(ctx)
	attrs := []any{"jid", job.Jid, "type", job.Type, "took", time.Since(start)}
	if err != nil {
		slog.Error("job failed", append(attrs, "err", err)...)
		return err
	}
	slog.Info("job done", attrs...)
	return nil
}

func Run(ctx context.Context, cfg Config) error {
	mailer, err := mail.NewFromEnv(cfg.TemplateDir)
	if err != nil {
		return err
	}
	notifier := webhook.NewNotifier(webhook.Options{Insecure: cfg.InsecureWebhooks})
	invoices := jobs.NewInvoiceJobs(jobs.NewAPIStore(), mailer, notifier)

	mgr := fworker.NewManager()
	mgr.Concurrency = cfg.Concurrency
	mgr.ProcessStrictPriorityQueues(cfg.Queues...)
	mgr.Use(logJobs)

	mgr.Register("SendInvoice", invoices.SendInvoice)
	mgr.Register("RefundInvoice", invoices.Refund)
	mgr.Register("NotifyCustomer", invoices.NotifyCustomer)

	return mgr.RunWithContext(ctx)
}
