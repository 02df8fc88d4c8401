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

	"github.com/mark3labs/mcp-go/server"

	"github.com/acme/billing-desk-mcp/internal/auth"
	"github.com/acme/billing-desk-mcp/internal/billing"
	"github.com/acme/billing-desk-mcp/internal/config"
	"github.com/acme/billing-desk-mcp/internal/store"
	"github.com/acme/billing-desk-mcp/internal/tools"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	cfg, err := config.Load()
	if err != nil {
		logger.Error("configuration", "error", err)
		os.Exit(1)
	}
	st, err := store.Open(cfg.DBPath)
	if err != nil {
		logger.Error("store", "error", err)
		os.Exit(1)
	}
	defer st.Close()

	api, err := billing.NewClient(cfg.BillingURL, cfg.BillingAPIKey, cfg.RequestTimeout)
	if err != nil {
		logger.Error("billing client", "error", err)
		os.Exit(1)
	}
	authn := auth.NewAuthenticator(cfg.IntrospectionURL, cfg.IntrospectID, cfg.IntrospectSecret, cfg.ServiceToken)

	mcpServer := tools.NewServer(tools.NewHandlers(api, st, cfg.RefundLimitCents, logger))
	streamable := server.NewStreamableHTTPServer(mcpServer,
		server.WithEndpointPath("/mcp"),
		server.WithHTTPContextFunc(authn.HTTPContextFunc),
		server.WithStateLess(true),
	)

	mux := http.NewServeMux()
	mux.Handle("/mcp", authn.Middleware(streamable))
	// Kubernetes liveness probe; says nothing about accounts.
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})

	srv := &http.Server{Addr: cfg.ListenAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		logger.Info("billing MCP server listening", "addr", cfg.ListenAddr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("server", "error", err)
			os.Exit(1)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	// The process exits right after; open sessions get the deadline above.
	_ = srv.Shutdown(shutdownCtx)
}
