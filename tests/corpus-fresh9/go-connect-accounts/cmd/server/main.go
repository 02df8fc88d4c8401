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

	"connectrpc.com/connect"
	"connectrpc.com/grpchealth"
	"connectrpc.com/grpcreflect"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"

	"github.com/northwind-labs/accounts/gen/accounts/v1/accountsv1connect"
	"github.com/northwind-labs/accounts/internal/auth"
	"github.com/northwind-labs/accounts/internal/notify"
	"github.com/northwind-labs/accounts/internal/service"
	"github.com/northwind-labs/accounts/internal/store"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(logger); err != nil {
		logger.Error("server exited", "err", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	defer pool.Close()

	st := store.New(pool)
	crm := notify.NewClient(os.Getenv("CRM_URL"), []byte(os.Getenv("CRM_WEBHOOK_SECRET")))
	verifier := auth.StaticVerifier{Token: os.Getenv("SERVICE_TOKEN"), Subject: "svc"}

	userAuth := connect.WithInterceptors(auth.NewInterceptor(verifier, false, logger))

	mux := http.NewServeMux()
	mux.Handle(accountsv1connect.NewAccountServiceHandler(service.NewAccountService(st, crm, logger), userAuth))
	// health and reflection stay public so load balancers and grpcurl can probe them
	checker := grpchealth.NewStaticChecker(accountsv1connect.AccountServiceName, accountsv1connect.AdminServiceName)
	mux.Handle(grpchealth.NewHandler(checker))
	mux.Handle(grpcreflect.NewHandlerV1(grpcreflect.NewStaticReflector(accountsv1connect.AccountServiceName)))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.Handle(accountsv1connect.NewAdminServiceHandler(service.NewAdminService(st, logger), userAuth))

	srv := &http.Server{
		Addr:              envOr("LISTEN_ADDR", ":8080"),
		Handler:           h2c.NewHandler(mux, &http2.Server{}),
		ReadHeaderTimeout: 5 * time.Second,
	}

	errCh := make(chan error, 1)
	go func() {
		logger.Info("listening", "addr", srv.Addr)
		errCh <- srv.ListenAndServe()
	}()

	select {
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		return srv.Shutdown(shutdownCtx)
	case err := <-errCh:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
