package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/acme/notesd/internal/config"
	"github.com/acme/notesd/internal/httpapi"
	"github.com/acme/notesd/internal/store"
)

type slackNotifier struct {
	baseURL        string
	token, channel string
	client         *http.Client
}

func (n slackNotifier) Post(text string) error {
	body, _ := json.Marshal(map[string]string{"channel": n.channel, "text": text})
	req, err := http.NewRequest(http.MethodPost, n.baseURL+"/chat.postMessage", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+n.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("slack: %s", resp.Status)
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		slog.Error("notesd exited", "err", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()

	notifier := slackNotifier{baseURL: "https://slack.com/api", token: cfg.SlackBotToken, channel: cfg.SlackChannel, client: &http.Client{Timeout: 5 * time.Second}}
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           httpapi.NewServer(cfg, st, notifier).Router(),
		ReadHeaderTimeout: 5 * time.Second,
	}

	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			slog.Error("graceful shutdown failed", "err", err)
		}
	}()

	slog.Info("notesd listening", "addr", cfg.Addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
