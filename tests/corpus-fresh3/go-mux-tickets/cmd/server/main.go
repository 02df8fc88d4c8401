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

	"github.com/acme/tickets/internal/config"
	"github.com/acme/tickets/internal/db"
	"github.com/acme/tickets/internal/handlers"
	"github.com/acme/tickets/internal/middleware"
	"github.com/acme/tickets/internal/notify"
	"github.com/gorilla/mux"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	if err := run(log); err != nil {
		log.Error("fatal", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	store, err := db.Open(ctx, cfg.DSN)
	if err != nil {
		return err
	}
	defer store.Close()

	h := &handlers.Handler{
		Store:         store,
		Audit:         store,
		Notifier:      notify.NewClient(cfg.NotifyURL),
		WebhookSecret: []byte(cfg.WebhookSecret),
		Features:      handlers.Features{BulkExport: cfg.BulkExport},
		Log:           log,
	}

	r := mux.NewRouter()
	r.Use(middleware.Logging(log))
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	r.HandleFunc("/hooks/chat", h.Inbound).Methods(http.MethodPost)

	api := r.PathPrefix("/api/v1").Subrouter()
	api.Use(middleware.RequireToken(cfg.APITokens))
	h.Register(api)

	admin := api.PathPrefix("/admin").Subrouter()
	h.RegisterAdmin(admin)

	srv := &http.Server{Addr: cfg.Addr, Handler: r, ReadTimeout: cfg.ReadTimeout, WriteTimeout: 30 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			log.Error("shutdown", "err", err)
		}
	}()
	log.Info("listening", "addr", cfg.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
