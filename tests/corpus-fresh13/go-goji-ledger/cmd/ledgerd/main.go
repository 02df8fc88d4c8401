package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/urfave/negroni"

	"github.com/acme/ledger/internal/api"
	"github.com/acme/ledger/internal/fx"
	"github.com/acme/ledger/internal/store"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	db, err := store.Open(context.Background(), store.DSNFromEnv())
	if err != nil {
		logger.Error("open store", "err", err)
		os.Exit(1)
	}
	defer db.Close()

	h := &api.Handlers{
		Store:        db,
		FX:           fx.NewClient(os.Getenv("FX_BASE_URL")),
		Logger:       logger,
		Tokens:       api.TokensFromEnv(),
		HookKey:      []byte(os.Getenv("LEDGER_WEBHOOK_KEY")),
		StatementDir: envOr("STATEMENT_DIR", api.DefaultStatementDir),
	}

	n := negroni.New(negroni.NewRecovery(), negroni.NewLogger())
	n.UseHandler(api.NewRouter(h))

	srv := &http.Server{
		Addr:              envOr("LISTEN_ADDR", ":8080"),
		Handler:           n,
		ReadHeaderTimeout: 5 * time.Second,
	}

	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			logger.Error("listen", "err", err)
			os.Exit(1)
		}
	}()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	<-stop
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		logger.Error("shutdown", "err", err)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
