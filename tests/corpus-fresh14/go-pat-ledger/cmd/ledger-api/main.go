package main

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/ledger-api/internal/api"
	"github.com/acme/ledger-api/internal/fx"
	"github.com/acme/ledger-api/internal/store"
)

func warmFXCache(ctx context.Context, client *fx.Client, path string, logger *slog.Logger) {
	rate, err := client.Rate(ctx, "USD", "EUR")
	if err != nil {
		logger.Warn("fx warmup failed; continuing with stale cache", "err", err)
		return
	}
	data, err := json.Marshal(map[string]float64{"USD/EUR": rate})
	if err != nil {
		logger.Warn("encode fx cache", "err", err)
		return
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		logger.Warn("could not persist fx cache", "path", path, "err", err)
	}
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg := api.LoadConfig()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		logger.Error("connect db", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	warmFXCache(ctx, fx.New(cfg.FXBaseURL), cfg.FXRatesCache, logger)

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           api.NewServer(cfg, store.New(pool), logger).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			logger.Error("shutdown", "err", err)
		}
	}()
	logger.Info("ledger-api listening", "addr", cfg.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("serve", "err", err)
		os.Exit(1)
	}
}
