package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/northwind-labs/billingd/internal/api"
	"github.com/northwind-labs/billingd/internal/store"
	"github.com/northwind-labs/billingd/internal/tax"
)

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

func mustEnv(logger *slog.Logger, key string) string {
	v := os.Getenv(key)
	if v == "" {
		logger.Error("required environment variable missing", "key", key)
		os.Exit(1)
	}
	return v
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	dsn := envOr("BILLING_DATABASE_URL", "postgres://billing:Pg4Bill1ng-2024!@10.20.4.12:5432/billing?sslmode=require")
	adminKey := mustEnv(logger, "BILLING_ADMIN_KEY")
	webhookSecret := mustEnv(logger, "BILLING_WEBHOOK_SECRET")
	pdfDir := envOr("INVOICE_PDF_DIR", "/Users/kwame/go/src/github.com/northwind-labs/billingd/var/pdfs")

	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		cacheRoot = os.TempDir()
	}

	db, err := sql.Open("pgx", dsn)
	if err != nil {
		logger.Error("open database", "err", err)
		os.Exit(1)
	}
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)

	taxClient := tax.NewClient(
		envOr("TAX_API_URL", "https://api.taxrates.example/v2"),
		mustEnv(logger, "TAX_API_KEY"),
		filepath.Join(cacheRoot, "billingd", "tax"),
	)

	mux := http.NewServeMux()
	humaAPI := humago.New(mux, huma.DefaultConfig("Billing API", "1.6.0"))
	api.Register(humaAPI, &api.Handlers{
		Store:  store.New(db),
		Tax:    taxClient,
		PDFDir: pdfDir,
		Logger: logger,
	}, api.Auth{AdminKey: adminKey, WebhookSecret: webhookSecret})

	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	go func() {
		logger.Info("billingd listening", "addr", *addr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("server failed", "err", err)
			stop()
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Error("shutdown", "err", err)
	}
	_ = db.Close()
}
