package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/northwind-gg/modbot/internal/bot"
	"github.com/northwind-gg/modbot/internal/config"
	"github.com/northwind-gg/modbot/internal/dashboard"
	"github.com/northwind-gg/modbot/internal/modapi"
	"github.com/northwind-gg/modbot/internal/modlog"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	slog.SetDefault(logger)

	cfg, err := config.Load()
	if err != nil {
		logger.Error("config", "err", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	store, err := modlog.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		logger.Error("database", "err", err)
		os.Exit(1)
	}
	defer store.Close()

	var classifier modapi.Classifier = modapi.Noop{}
	if cfg.ModAPIKey != "" {
		classifier = modapi.New(cfg.ModAPIURL, cfg.ModAPIKey)
	} else {
		logger.Warn("MODAPI_KEY not set; external moderation disabled")
	}

	b, err := bot.New(cfg.DiscordToken, cfg.GuildID, bot.NewHandlers(cfg, store, classifier, logger))
	if err != nil {
		logger.Error("bot", "err", err)
		os.Exit(1)
	}
	if err := b.Open(); err != nil {
		logger.Error("bot open", "err", err)
		os.Exit(1)
	}

	mods := strings.Split(os.Getenv("MODERATOR_IDS"), ",")
	srv := &http.Server{
		Addr:              cfg.DashboardAddr,
		Handler:           dashboard.NewServer(cfg, store, mods).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("dashboard", "err", err)
			stop()
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Warn("dashboard shutdown", "err", err)
	}
	if err := b.Close(); err != nil {
		logger.Warn("bot close", "err", err)
	}
}
