package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/orders/internal/httpapi"
	"github.com/acme/orders/internal/payments"
	"github.com/acme/orders/internal/store"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	ctx := context.Background()

	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		logger.Error("connect", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	pay := payments.New(payments.Options{
		BaseURL: os.Getenv("PAYMENTS_URL"),
		APIKey:  os.Getenv("PAYMENTS_API_KEY"),
		Timeout: 10 * time.Second,
		Retries: 3,
	})
	st := store.New(pool)
	srv := httpapi.NewServer(st, st, st, pay, logger)
	h := httpapi.NewRouter(httpapi.Config{
		InternalKey:    os.Getenv("FULFILMENT_SHARED_KEY"),
		CarrierHookKey: os.Getenv("CARRIER_HOOK_KEY"),
		RequestTimeout: 15 * time.Second,
	}, srv)

	logger.Info("listening", "addr", ":8080")
	if err := http.ListenAndServe(":8080", h); err != nil {
		logger.Error("serve", "err", err)
		os.Exit(1)
	}
}
