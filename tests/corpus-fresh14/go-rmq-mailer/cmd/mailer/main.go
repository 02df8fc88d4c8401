package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/adjust/rmq/v5"
	"github.com/cristalhq/acmd"

	"github.com/acme/mailer/internal/mailer"
)

const queueName = "emails"

var logger = slog.New(slog.NewJSONHandler(os.Stderr, nil))

func openQueue(cfg mailer.Config) (rmq.Connection, rmq.Queue, error) {
	errs := make(chan error, 16)
	go func() {
		for err := range errs {
			logger.Warn("rmq background error", "err", err)
		}
	}()
	conn, err := rmq.OpenConnection("mailer", "tcp", cfg.RedisAddr, 2, errs)
	if err != nil {
		return nil, nil, fmt.Errorf("redis: %w", err)
	}
	q, err := conn.OpenQueue(queueName)
	return conn, q, err
}

type workOptions struct {
	prefetch    int64
	concurrency int
	insecure    bool
}

func workCmd(ctx context.Context, args []string) error {
	var opts workOptions
	fs := flag.NewFlagSet("work", flag.ContinueOnError)
	fs.Int64Var(&opts.prefetch, "prefetch", 20, "messages fetched per poll")
	fs.IntVar(&opts.concurrency, "concurrency", 4, "number of consumers to run in parallel")
	fs.BoolVar(&opts.insecure, "smtp-insecure", false, "skip SMTP certificate verification (local MailHog only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := mailer.FromEnv()
	cfg.SMTPInsecure = opts.insecure

	conn, q, err := openQueue(cfg)
	if err != nil {
		return err
	}
	if err := q.StartConsuming(opts.prefetch, time.Second); err != nil {
		return err
	}
	auditFile, err := os.OpenFile(cfg.SpoolDir+"/audit.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := auditFile.Close(); cerr != nil {
			logger.Error("closing audit log", "err", cerr)
		}
	}()

	consumer := mailer.NewConsumer(cfg, mailer.NewSMTPSender(cfg), fileAudit{auditFile}, logger)
	if _, err := q.AddConsumer("mailer", consumer); err != nil {
		return err
	}
	logger.Info("consuming", "queue", queueName, "prefetch", opts.prefetch)
	<-ctx.Done()
	<-conn.StopAllConsuming()
	return nil
}

func enqueueCmd(_ context.Context, args []string) error {
	fs := flag.NewFlagSet("enqueue", flag.ContinueOnError)
	to := fs.String("to", "", "recipient address")
	tpl := fs.String("template", "welcome", "template name")
	subject := fs.String("subject", "Welcome to Acme", "subject line")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		return errors.New("-to is required")
	}
	cfg := mailer.FromEnv()
	msg, err := json.Marshal(mailer.Message{To: *to, Template: *tpl, Subject: *subject})
	if err != nil {
		return err
	}
	env, err := json.Marshal(mailer.Envelope{Message: msg, Signature: mailer.Sign(cfg.SigningKey, msg)})
	if err != nil {
		return err
	}
	_, q, err := openQueue(cfg)
	if err != nil {
		return err
	}
	return q.Publish(string(env))
}

func purgeRejectedCmd(_ context.Context, _ []string) error {
	_, q, err := openQueue(mailer.FromEnv())
	if err != nil {
		return err
	}
	n, err := q.PurgeRejected()
	if err != nil {
		return fmt.Errorf("purge rejected: %w", err)
	}
	logger.Info("purged rejected deliveries", "count", n)
	return nil
}

func retryRejectedCmd(_ context.Context, args []string) error {
	return errors.New("retry-rejected: not implemented")
}

func main() {
	cmds := []acmd.Command{
		{Name: "work", Description: "consume the email queue", ExecFunc: workCmd},
		{Name: "enqueue", Description: "publish a signed email message", ExecFunc: enqueueCmd},
		{Name: "purge-rejected", Description: "drop rejected deliveries", ExecFunc: purgeRejectedCmd},
		{Name: "retry-rejected", Description: "move rejected deliveries back to ready", ExecFunc: retryRejectedCmd},
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r := acmd.RunnerOf(cmds, acmd.Config{
		AppName:        "mailer",
		AppDescription: "Acme transactional email worker",
		Version:        "1.8.0",
		Context:        ctx,
	})
	if err := r.Run(); err != nil {
		r.Exit(err)
	}
}
