package main

import (
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/gocraft/work"
	"github.com/gomodule/redigo/redis"

	"github.com/northwind/digestd/internal/config"
	"github.com/northwind/digestd/internal/jobs"
	"github.com/northwind/digestd/internal/mail"
	"github.com/northwind/digestd/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	cfg, err := config.Load()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(1)
	}

	redisPool := &redis.Pool{
		MaxActive: int(cfg.Concurrency) + 2,
		MaxIdle:   int(cfg.Concurrency),
		Wait:      true,
		Dial: func() (redis.Conn, error) {
			return redis.DialURL(cfg.RedisURL)
		},
	}

	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		log.Error("database", "err", err)
		os.Exit(1)
	}

	var sender mail.Sender = mail.NewSMTPSender(cfg.SMTP)
	if cfg.DryRun {
		sender = mail.NopSender{Log: log}
	}

	deps := &jobs.Deps{
		Config:   cfg,
		Store:    st,
		Mailer:   sender,
		Renderer: jobs.NewRenderer(cfg.UnsubscribeKey, cfg.PublicBaseURL, cfg.AnalyticsID),
		Enqueuer: work.NewEnqueuer(cfg.Namespace, redisPool),
		Log:      log,
	}

	pool := work.NewWorkerPool(jobs.Context{}, cfg.Concurrency, cfg.Namespace, redisPool)
	pool.Middleware(jobs.Inject(deps))
	pool.Middleware((*jobs.Context).LogTiming)

	pool.Job("schedule_digests", (*jobs.Context).ScheduleDigests)
	pool.JobWithOptions("send_digest", work.JobOptions{MaxFails: 5, MaxConcurrency: cfg.Concurrency}, (*jobs.Context).SendDigest)
	pool.Job("sync_bounces", (*jobs.Context).SyncBounces)
	pool.Job("purge_unsubscribed", (*jobs.Context).PurgeUnsubscribed)
	pool.Job("cleanup_spool", (*jobs.Context).CleanupSpool)

	pool.PeriodicallyEnqueue("0 0 7 * * *", "schedule_digests")
	pool.PeriodicallyEnqueue("0 */15 * * * *", "sync_bounces")
	pool.PeriodicallyEnqueue("0 30 3 * * *", "purge_unsubscribed")
	pool.PeriodicallyEnqueue("0 0 * * * *", "cleanup_spool")

	pool.Start()
	log.Info("digestd started", "namespace", cfg.Namespace, "concurrency", cfg.Concurrency, "dry_run", cfg.DryRun)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig

	pool.Stop()
	if err := st.Close(); err != nil {
		log.Error("closing database", "err", err)
	}
	if err := redisPool.Close(); err != nil {
		log.Error("closing redis pool", "err", err)
	}
	log.Info("digestd stopped")
}
