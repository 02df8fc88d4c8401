package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/oschwald/geoip2-golang"

	"github.com/togglr-dev/togglr/api"
	"github.com/togglr-dev/togglr/internal/config"
	"github.com/togglr-dev/togglr/internal/notify"
	"github.com/togglr-dev/togglr/internal/service"
	"github.com/togglr-dev/togglr/internal/store"
)

func main() {
	migrations := flag.String("migrations", "/Users/jhernandez/src/togglr/migrations", "directory with SQL migrations to apply at startup")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(log, *migrations); err != nil {
		log.Error("togglr exited", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, migrations string) error {
	cfg := config.Load()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := store.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx, migrations); err != nil {
		return err
	}

	var geo *geoip2.Reader
	if r, err := geoip2.Open(cfg.GeoIPPath); err != nil {
		log.Warn("geoip database unavailable; country targeting disabled", "path", cfg.GeoIPPath, "err", err)
	} else {
		geo = r
		defer geo.Close()
	}

	var notifier notify.Notifier = notify.Nop{}
	if cfg.AuditWebhookURL != "" {
		notifier = notify.NewWebhook(cfg.AuditWebhookURL, notify.DefaultClient())
	}

	h := service.NewHandler(st, notifier, geo, log)
	sec := service.NewSecurity(st, []byte(cfg.JWTSigningKey), cfg.JWTIssuer, log)
	srv, err := api.NewServer(h, sec, api.WithPathPrefix("/v1"))
	if err != nil {
		return err
	}

	httpSrv := &http.Server{Addr: cfg.Addr, Handler: srv, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		if err := httpSrv.Shutdown(shutdownCtx); err != nil {
			log.Error("graceful shutdown failed", "err", err)
		}
	}()

	log.Info("togglr listening", "addr", cfg.Addr)
	if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
