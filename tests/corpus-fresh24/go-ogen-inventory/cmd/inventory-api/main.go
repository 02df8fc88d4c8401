package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/inventory/api"
	"github.com/acme/inventory/internal/config"
	"github.com/acme/inventory/internal/notify"
	"github.com/acme/inventory/internal/service"
	"github.com/acme/inventory/internal/store"
)

const demoSeedFile = "/home/bkim/go/src/github.com/acme/inventory/testdata/seed.sql"

func main() {
	seed := flag.Bool("seed", false, "load demo warehouses and items before serving")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(log, *seed); err != nil {
		log.Error("fatal", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, seed bool) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	if seed {
		sql, err := os.ReadFile(demoSeedFile)
		if err != nil {
			return err
		}
		if _, err := pool.Exec(ctx, string(sql)); err != nil {
			return err
		}
		log.Info("demo data loaded")
	}

	st := store.New(pool)
	h := service.NewHandler(st, notify.NewWebhook(cfg.LowStockWebhook, cfg.WebhookTimeout, log), log)
	sec := service.NewSecurity(cfg.JWTSecret, cfg.JWTIssuer, cfg.DeviceKeys, cfg.ScrapeToken)

	srv, err := api.NewServer(h, sec, api.WithPathPrefix("/v1"))
	if err != nil {
		return err
	}

	mux := http.NewServeMux()
	mux.Handle("/v1/", srv)
	mux.Handle("/metrics", sec.MetricsAuth(metricsHandler(pool)))

	httpSrv := &http.Server{Addr: cfg.Addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := httpSrv.Shutdown(shutdownCtx); err != nil {
			log.Error("shutdown", "err", err)
		}
	}()

	log.Info("listening", "addr", cfg.Addr)
	if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func metricsHandler(pool *pgxpool.Pool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := pool.Stat()
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		_, _ = w.Write([]byte(
			"inventory_db_acquired_conns " + strconv.Itoa(int(st.AcquiredConns())) + "\n" +
				"inventory_db_idle_conns " + strconv.Itoa(int(st.IdleConns())) + "\n"))
	})
}
