package main

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/northwind/tracker/internal/config"
	"github.com/northwind/tracker/internal/jobs"
	"github.com/northwind/tracker/internal/notify"
	"github.com/northwind/tracker/internal/store"
	"github.com/northwind/tracker/internal/web"
)

//go:embed templates
var templates embed.FS

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	if err := run(log); err != nil {
		log.Error("tracker stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)

	st := store.New(db)
	tmpl := template.Must(template.ParseFS(templates, "templates/*.html"))

	srv := web.NewServer(web.Options{
		Store:      st,
		Templates:  tmpl,
		HashKey:    cfg.HashKey,
		BlockKey:   cfg.BlockKey,
		Mailer:     notify.NewMailer(cfg.SMTP, log),
		Slack:      notify.NewSlack(cfg.SlackWebhookURL),
		Log:        log,
		BaseURL:    cfg.BaseURL,
		UploadDir:  cfg.UploadDir,
		SessionTTL: cfg.SessionTTL,
	})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	cleaner := &jobs.Cleaner{Store: st, Log: log, Every: cfg.CleanupEvery, Now: time.Now}
	go cleaner.Run(ctx)

	httpServer := &http.Server{
		Addr:              cfg.Addr,
		Handler:           srv.Routes(http.Dir("static")),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := httpServer.Shutdown(shutdownCtx); err != nil {
			log.Error("shutdown", "err", err)
		}
	}()

	log.Info("listening", "addr", cfg.Addr)
	if err := httpServer.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
