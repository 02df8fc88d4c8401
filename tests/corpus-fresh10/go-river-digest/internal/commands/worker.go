package commands

import (
	"context"
	"flag"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/acme/digest/internal/jobs"
	"github.com/acme/digest/internal/mail"
)

// WorkerCommand runs the River worker until SIGINT/SIGTERM.
type WorkerCommand struct {
	Meta

	concurrency  int
	smtpAddr     string
	smtpInsecure bool
}

func (c *WorkerCommand) Synopsis() string { return "Run the digest worker" }
func (c *WorkerCommand) Help() string {
	return `Usage: digestctl worker [-concurrency=20] [-smtp=host:587] [-smtp-insecure]

  -smtp-insecure   accept any SMTP certificate (local MailHog only)`
}

func (c *WorkerCommand) Run(args []string) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.IntVar(&c.concurrency, "concurrency", 20, "max concurrent jobs")
	fs.StringVar(&c.smtpAddr, "smtp", "smtp.sendgrid.net:587", "SMTP relay address")
	fs.BoolVar(&c.smtpInsecure, "smtp-insecure", false, "skip SMTP TLS verification")
	if err := fs.Parse(args); err != nil {
		return 1
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := c.pool(ctx)
	if err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	defer pool.Close()

	mailer := mail.NewSender(mail.Options{Addr: c.smtpAddr, Insecure: c.smtpInsecure})
	workers := river.NewWorkers()
	river.AddWorker(workers, jobs.NewDigestWorker(pool, mailer))

	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: c.concurrency}},
		Workers: workers,
	})
	if err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	if err := client.Start(ctx); err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	c.UI.Info("worker started")
	<-ctx.Done()

	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := client.Stop(shutdown); err != nil {
		c.UI.Error("graceful stop failed: " + err.Error())
		return 1
	}
	return 0
}
