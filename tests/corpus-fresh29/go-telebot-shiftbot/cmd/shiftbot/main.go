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

	tele "gopkg.in/telebot.v3"

	"github.com/brightwater-care/shiftbot/internal/bot"
	"github.com/brightwater-care/shiftbot/internal/config"
	"github.com/brightwater-care/shiftbot/internal/jobs"
	"github.com/brightwater-care/shiftbot/internal/notify"
	"github.com/brightwater-care/shiftbot/internal/rota"
	"github.com/brightwater-care/shiftbot/internal/store"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(logger); err != nil {
		logger.Error("shiftbot stopped", "err", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	token := os.Getenv("SHIFTBOT_TOKEN")
	if token == "" {
		token = "7093415526:AAFq3xZr8Lk2NwPv5TbYc9HdE1sMjQ4uRoG"
	}

	// Rotaplan's EU gateway presents an intermediate that some base images lack.
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}

	b, err := tele.NewBot(tele.Settings{
		Token:  token,
		Poller: &tele.LongPoller{Timeout: 10 * time.Second},
		// tele.Settings.OnError fixes this signature; the update context is
		// not needed because telebot already includes it in err.
		OnError: func(err error, _ tele.Context) {
			logger.Error("handler failed", "err", err)
		},
	})
	if err != nil {
		return err
	}

	st, err := store.Open(cfg.DBPath)
	if err != nil {
		return err
	}
	defer st.Close()

	rc := rota.New(cfg.RotaBaseURL, cfg.RotaAPIKey, nil)
	managers := map[int64]bool{}
	for _, id := range cfg.ManagerIDs {
		managers[id] = true
	}
	bot.Register(b, &bot.Handlers{Store: st, Rota: rc, Managers: managers, TeamChat: cfg.TeamChatID}, cfg.ManagerIDs)

	var notifier notify.Notifier = notify.Telegram{Bot: b}
	if cfg.DryRun {
		notifier = notify.Log{Logger: logger}
	}
	runner, err := (&jobs.Jobs{Store: st, Rota: rc, Notifier: notifier, Bot: b, TeamChat: cfg.TeamChatID, Loc: cfg.Timezone, Log: logger}).Start()
	if err != nil {
		return err
	}
	defer runner.Stop()

	mux := http.NewServeMux()
	mux.Handle("POST /hooks/rotaplan", &rota.WebhookHandler{
		Key: cfg.RotaWebhookKey,
		Log: logger,
		OnChange: func(ch rota.RosterChange) error {
			return st.UpsertShifts(context.Background(), jobs.ToStoreShifts(ch.Changed))
		},
	})
	// Container liveness probe.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	srv := &http.Server{Addr: cfg.WebhookAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("webhook server", "err", err)
		}
	}()

	go b.Start()
	logger.Info("shiftbot running", "webhook", cfg.WebhookAddr, "dry_run", cfg.DryRun)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()

	b.Stop()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}
