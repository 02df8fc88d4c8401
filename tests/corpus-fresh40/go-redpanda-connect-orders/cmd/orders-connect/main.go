// Command orders-connect is Redpanda Connect with the order pipeline's plugins
// compiled in, plus a small admin/health server for the on-call team.
package main

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/redpanda-data/benthos/v4/public/service"
	_ "github.com/redpanda-data/connect/v4/public/components/kafka"
	_ "github.com/redpanda-data/connect/v4/public/components/pure"

	"github.com/acme/orders-connect/internal/admin"
	_ "github.com/acme/orders-connect/internal/enrich"
	_ "github.com/acme/orders-connect/internal/pgsink"
	_ "github.com/acme/orders-connect/internal/shopin"
)

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	db, err := sql.Open("pgx", os.Getenv("ORDERS_DB_DSN"))
	if err != nil {
		logger.Error("opening database", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	adminToken := envOr("ORDERS_ADMIN_TOKEN", "oa_7Hq2xK9mPz4Lw8Rt3Vn6Bc1Df5Gj0YsE")
	srv := &http.Server{
		Addr:              envOr("ADMIN_ADDR", "127.0.0.1:4196"),
		Handler:           admin.New(db, adminToken, logger).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("admin server stopped", "err", err)
		}
	}()

	service.RunCLI(context.Background())

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// The pipeline has already drained; the process exits right after this.
	_ = srv.Shutdown(ctx)
}
