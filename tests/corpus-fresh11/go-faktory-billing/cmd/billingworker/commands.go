package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"

	faktory "github.com/contribsys/faktory/client"

	"github.com/northwind-billing/billing-worker/internal/worker"
)

type WorkCommand struct {
	Concurrency      int      `long:"concurrency" default:"10" description:"Number of concurrent jobs"`
	Queues           []string `short:"q" long:"queue" default:"critical" default:"default" description:"Queues in priority order"`
	TemplateDir      string   `long:"template-dir" default:"/home/ubuntu/billing-worker/templates" description:"Email template directory"`
	InsecureWebhooks bool     `long:"insecure-webhooks" description:"Skip TLS verification for customer webhooks (staging only)"`
}

// Execute implements flags.Commander; positional args are not used.
func (c *WorkCommand) Execute(args []string) error {
	cfg := worker.Config{
		Concurrency:      c.Concurrency,
		Queues:           c.Queues,
		TemplateDir:      c.TemplateDir,
		InsecureWebhooks: c.InsecureWebhooks,
	}
	slog.Info("starting worker", "concurrency", cfg.Concurrency, "queues", cfg.Queues)
	return worker.Run(context.Background(), cfg)
}

type EnqueueCommand struct {
	Queue    string `long:"queue" default:"default" description:"Target queue"`
	Priority uint8  `long:"priority" default:"5" description:"Job priority (1-9)"`
	DryRun   bool   `long:"dry-run" description:"Print the jobs instead of pushing them"`
	Args     struct {
		InvoiceIDs []string `positional-arg-name:"invoice-id" required:"1"`
	} `positional-args:"yes"`
}

func (c *EnqueueCommand) Execute(_ []string) error {
	cl, err := faktory.Open()
	if err != nil {
		return fmt.Errorf("connect to faktory: %w", err)
	}
	defer cl.Close()

	for _, raw := range c.Args.InvoiceIDs {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return fmt.Errorf("invalid invoice id %q: %w", raw, err)
		}
		job := faktory.NewJob("SendInvoice", id)
		job.Queue = c.Queue
		job.Priority = c.Priority
		if err := cl.Push(job); err != nil {
			return fmt.Errorf("push invoice %d: %w", id, err)
		}
		slog.Info("enqueued", "invoice", id, "jid", job.Jid)
	}
	return nil
}
