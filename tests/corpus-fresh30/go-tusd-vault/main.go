package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/tus/tusd/v2/pkg/handler"

	"github.com/northdocs/vault/internal/admin"
	"github.com/northdocs/vault/internal/api"
	"github.com/northdocs/vault/internal/audit"
	"github.com/northdocs/vault/internal/auth"
	"github.com/northdocs/vault/internal/config"
	"github.com/northdocs/vault/internal/storage"
	"github.com/northdocs/vault/internal/uploads"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(log); err != nil {
		log.Error("vault stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	cfg, err := config.Load()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return err
	}
	registry, err := uploads.OpenRegistry(filepath.Join(cfg.DataDir, "registry.db"))
	if err != nil {
		return err
	}

	var recorder audit.Recorder = audit.Nop{}
	if cfg.AuditEnabled {
		f, err := audit.Open(log)
		if err != nil {
			return err
		}
		defer f.Close()
		recorder = f
	}

	composer, backend, err := storage.New(ctx, cfg)
	if err != nil {
		return err
	}

	hooks := &uploads.Hooks{
		Registry:     registry,
		Audit:        recorder,
		AllowedTypes: cfg.AllowedMimeList,
		MaxBytes:     cfg.MaxUploadBytes,
		Log:          log,
	}
	tus, err := handler.NewHandler(handler.Config{
		BasePath:                  "/files/",
		StoreComposer:             composer,
		MaxSize:                   cfg.MaxUploadBytes,
		NotifyCompleteUploads:     true,
		RespectForwardedHeaders:   true,
		PreUploadCreateCallback:   hooks.PreCreate,
		PreFinishResponseCallback: hooks.PreFinish,
		Logger:                    log.With("component", "tusd"),
	})
	if err != nil {
		return err
	}
	go hooks.Drain(ctx, tus.CompleteUploads)

	srv := &api.Server{
		Tokens:   auth.NewTokens(cfg.APITokens),
		Registry: registry,
		Backend:  backend,
		Signer:   &api.Signer{Key: cfg.DownloadKey, BaseURL: cfg.PublicURL, TTL: 15 * time.Minute, Now: time.Now},
		Audit:    recorder,
		Log:      log,
	}
	public := &http.Server{
		Addr:              cfg.ListenAddr,
		Handler:           srv.Routes(tus),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	adminSrv := &http.Server{
		Addr:              cfg.AdminAddr,
		Handler:           (&admin.Admin{Registry: registry, Started: time.Now(), Log: log}).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}

	errc := make(chan error, 2)
	for _, s := range []*http.Server{public, adminSrv} {
		go func(s *http.Server) {
			log.Info("listening", "addr", s.Addr)
			if err := s.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errc <- err
			}
		}(s)
	}

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_ = adminSrv.Shutdown(shutdownCtx)
	return public.Shutdown(shutdownCtx)
}
