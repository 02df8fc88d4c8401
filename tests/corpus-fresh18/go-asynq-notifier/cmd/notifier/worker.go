package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/brightloop/notifier/internal/admin"
	"github.com/brightloop/notifier/internal/config"
	"github.com/brightloop/notifier/internal/links"
	"github.com/brightloop/notifier/internal/mailer"
	"github.com/brightloop/notifier/internal/store"
	"github.com/brightloop/notifier/internal/tasks"
)

func workerCommand(cfg *config.Config, logger *slog.Logger) *ffcli.Command {
	fs := flag.NewFlagSet("notifier worker", flag.ExitOnError)
	dryRun := fs.Bool("dry-run", false, "log e-mails instead of sending them")
	fs.IntVar(&cfg.Concurrency, "concurrency", cfg.Concurrency, "parallel task handlers")
	fs.StringVar(&cfg.AdminAddr, "admin-addr", cfg.AdminAddr, "listen address of the admin server")

	return &ffcli.Command{
		Name:       "worker",
		ShortUsage: "notifier worker [flags]",
		ShortHelp:  "Process e-mail tasks",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			return runWorker(ctx, cfg, logger, *dryRun)
		},
	}
}

func runWorker(ctx context.Context, cfg *config.Config, logger *slog.Logger, dryRun bool) error {
	db, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()

	var sender mailer.Sender = mailer.DryRun{Logger: logger}
	if !dryRun {
		ses, err := mailer.NewSES(ctx, cfg.AWSRegion, cfg.SESEndpoint, cfg.FromAddress, cfg.SESConfigurationSet)
		if err != nil {
			return err
		}
		sender = ses
	}

	templates, err := tasks.LoadTemplates(cfg.TemplateDir)
	if err != nil {
		return fmt.Errorf("load templates from %s: %w", cfg.TemplateDir, err)
	}

	redisOpt := cfg.RedisOpt()
	client := asynq.NewClient(redisOpt)
	defer client.Close()
	signer := links.NewSigner(cfg.UnsubscribeKey, cfg.UnsubscribeBase)

	h := &tasks.Handlers{
		Store: db, Mailer: sender, Links: signer, Enqueuer: client, Logger: logger, Templates: templates,
	}
	mux := asynq.NewServeMux()
	mux.Use(tasks.Logging(logger), tasks.Timeout(2*time.Minute))
	h.Register(mux)

	srv := asynq.NewServer(redisOpt, asynq.Config{
		Concurrency:     cfg.Concurrency,
		Queues:          map[string]int{"critical": 6, "default": 3, "low": 1},
		ErrorHandler:    tasks.ErrorHandler(logger),
		ShutdownTimeout: cfg.ShutdownGrace,
	})

	inspector := asynq.NewInspector(redisOpt)
	defer inspector.Close()
	adminSrv := &http.Server{
		Addr:              cfg.AdminAddr,
		Handler:           admin.New(cfg.AdminToken, inspector, db, db, signer, logger).Handler(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	go func() {
		if err := adminSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("admin server stopped", "error", err)
		}
	}()

	if err := srv.Start(mux); err != nil {
		return fmt.Errorf("start asynq server: %w", err)
	}
	<-ctx.Done()
	logger.Info("shutting down worker")
	srv.Shutdown()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return adminSrv.Shutdown(shutdownCtx)
}

func schedulerCommand(cfg *config.Config, logger *slog.Logger) *ffcli.Command {
	fs := flag.NewFlagSet("notifier scheduler", flag.ExitOnError)
	digestSpec := fs.String("digest-cron", "0 7 * * *", "cron spec for the daily digest fan-out")

	return &ffcli.Command{
		Name:       "scheduler",
		ShortUsage: "notifier scheduler [flags]",
		ShortHelp:  "Enqueue periodic tasks",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			loc, err := time.LoadLocation(cfg.DigestTimezone)
			if err != nil {
				return err
			}
			scheduler := asynq.NewScheduler(cfg.RedisOpt(), &asynq.SchedulerOpts{Location: loc})
			entryID, err := scheduler.Register(*digestSpec, asynq.NewTask(tasks.TypeDigestFanout, nil, asynq.Queue("low")))
			if err != nil {
				return err
			}
			logger.Info("digest fan-out scheduled", "entry", entryID, "spec", *digestSpec, "tz", loc.String())
			if err := scheduler.Start(); err != nil {
				return err
			}
			<-ctx.Done()
			scheduler.Shutdown()
			return nil
		},
	}
}
