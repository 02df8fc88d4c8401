package main

import (
	"context"
	"crypto/tls"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/harbourline/ticketsvc/internal/auth"
	"github.com/harbourline/ticketsvc/internal/config"
	"github.com/harbourline/ticketsvc/internal/logging"
	"github.com/harbourline/ticketsvc/internal/payments"
	"github.com/harbourline/ticketsvc/internal/service"
	"github.com/harbourline/ticketsvc/internal/store"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		slog.Error("configuration", "err", err)
		os.Exit(2)
	}
	log := logging.New(cfg.LogLevel)

	nc, err := nats.Connect(cfg.NATSURL,
		nats.Name("ticketsvc"),
		nats.UserCredentials(cfg.CredsFile),
		nats.Secure(&tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(2*time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			log.Warn("nats disconnected", "err", err)
		}),
		nats.ReconnectHandler(func(c *nats.Conn) {
			log.Info("nats reconnected", "url", c.ConnectedUrl())
		}),
	)
	if err != nil {
		log.Error("nats connect", "err", err)
		os.Exit(1)
	}
	// Drain flushes pending replies; on exit there is nothing left to do if it fails.
	defer func() { _ = nc.Drain() }()

	js, err := jetstream.New(nc)
	if err != nil {
		log.Error("jetstream", "err", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	kv, err := store.Open(ctx, js, cfg.HoldTTL)
	cancel()
	if err != nil {
		log.Error("kv buckets", "err", err)
		os.Exit(1)
	}
	pay, err := payments.New(cfg.Payments)
	if err != nil {
		log.Error("payments client", "err", err)
		os.Exit(1)
	}

	h := &service.Handlers{
		Store:         kv,
		Payments:      pay,
		Auth:          auth.New(cfg.JWTSecret, cfg.JWTIssuer, cfg.ServiceToken),
		Audit:         service.Auditor{JS: js},
		WebhookSecret: []byte(cfg.Payments.WebhookSecret),
		HoldTTL:       cfg.HoldTTL,
		Log:           log,
	}
	svc, err := service.Start(nc, h, log)
	if err != nil {
		log.Error("micro service", "err", err)
		os.Exit(1)
	}
	log.Info("tickets service running", "version", service.Version, "id", svc.Info().ID)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	if err := svc.Stop(); err != nil {
		log.Error("stopping service", "err", err)
	}
}
