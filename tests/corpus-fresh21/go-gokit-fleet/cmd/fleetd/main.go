package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"github.com/acme/fleet/internal/config"
	"github.com/acme/fleet/internal/fleet"
)

// withSSLMode makes sure connections to the managed database are encrypted.
func withSSLMode(dsn string) string {
	if strings.Contains(dsn, "sslmode=") {
		return dsn
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "sslmode=require"
}

func main() {
	logger := log.NewJSONLogger(log.NewSyncWriter(os.Stderr))
	logger = log.With(logger, "ts", log.DefaultTimestampUTC, "caller", log.DefaultCaller)

	cfg, err := config.Load()
	if err != nil {
		level.Error(logger).Log("msg", "config", "err", err)
		os.Exit(1)
	}

	db, err := sqlx.Connect("postgres", withSSLMode(cfg.DatabaseURL))
	if err != nil {
		level.Error(logger).Log("msg", "database", "err", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)

	var svc fleet.Service = fleet.NewService(fleet.NewRepository(db))
	svc = fleet.LoggingMiddleware(log.With(logger, "component", "service"))(svc)

	health := func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := db.PingContext(ctx); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	}

	handler := fleet.NewHTTPHandler(
		fleet.NewSet(svc, cfg.JWTSecret),
		cfg.DeviceKeySHA256,
		fleet.NewTelematicsWebhook(svc, cfg.TelematicsSecret, logger),
		health,
		log.With(logger, "component", "http"),
	)

	srv := &http.Server{
		Addr:              cfg.HTTPAddr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	go func() {
		reports := make(chan os.Signal, 1)
		signal.Notify(reports, syscall.SIGUSR1)
		for range reports {
			path := filepath.Join(cfg.ReportDir, "costs-"+time.Now().Format("2006-01")+".csv")
			if err := fleet.WriteCostReport(context.Background(), db, path); err != nil {
				level.Error(logger).Log("msg", "cost report", "path", path, "err", err)
			}
		}
	}()

	go func() {
		level.Info(logger).Log("msg", "listening", "addr", cfg.HTTPAddr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			level.Error(logger).Log("msg", "http server", "err", err)
			stop()
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		level.Error(logger).Log("msg", "shutdown", "err", err)
	}
}
