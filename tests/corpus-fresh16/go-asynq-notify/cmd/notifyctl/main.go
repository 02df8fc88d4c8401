package main

import (
	"context"
	"crypto/tls"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hibiken/asynq"
	_ "github.com/lib/pq"
	"github.com/peterbourgon/ff/v3"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/quaywise/notify/internal/push"
	"github.com/quaywise/notify/internal/store"
	"github.com/quaywise/notify/internal/tasks"
)

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func requireEnv(key string) (string, error) {
	v := os.Getenv(key)
	if v == "" {
		return "", fmt.Errorf("%s must be set", key)
	}
	return v, nil
}

func main() {
	rootFlags := flag.NewFlagSet("notifyctl", flag.ExitOnError)
	redisAddr := rootFlags.String("redis-addr", "localhost:6379", "redis host:port")
	redisPassword := rootFlags.String("redis-password", envOr("REDIS_PASSWORD", "q9T!rX2v-notify-redis-7LmW"), "redis password")
	redisTLS := rootFlags.Bool("redis-tls", false, "connect to redis over TLS")
	redisInsecure := rootFlags.Bool("redis-insecure-skip-verify", false, "skip redis certificate verification (SSH tunnels only)")
	databaseURL := rootFlags.String("database-url", "", "postgres connection string")
	signingKey := rootFlags.String("signing-key", "", "HMAC key used to sign push task payloads")

	redisOpt := func() asynq.RedisClientOpt {
		opt := asynq.RedisClientOpt{Addr: *redisAddr, Password: *redisPassword}
		if *redisTLS {
			host, _, _ := net.SplitHostPort(*redisAddr)
			opt.TLSConfig = &tls.Config{
				MinVersion:         tls.VersionTLS12,
				ServerName:         host,
				InsecureSkipVerify: *redisInsecure,
			}
		}
		return opt
	}

	workerFlags := flag.NewFlagSet("notifyctl worker", flag.ExitOnError)
	concurrency := workerFlags.Int("concurrency", 20, "number of tasks processed concurrently")
	logFile := workerFlags.String("log-file", "/home/ana/notify/worker.log", "worker log file")

	worker := &ffcli.Command{
		Name:       "worker",
		ShortUsage: "notifyctl worker [flags]",
		ShortHelp:  "Run the task worker",
		FlagSet:    workerFlags,
		Options:    []ff.Option{ff.WithEnvVarPrefix("NOTIFY")},
		Exec: func(ctx context.Context, _ []string) error {
			f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
			if err != nil {
				return fmt.Errorf("open log file: %w", err)
			}
			defer f.Close()
			logger := slog.New(slog.NewJSONHandler(f, nil))

			serverKey, err := requireEnv("FCM_SERVER_KEY")
			if err != nil {
				return err
			}
			db, err := sql.Open("postgres", *databaseURL)
			if err != nil {
				return err
			}
			defer db.Close()

			h := &tasks.Handlers{
				Store:  store.New(db),
				Push:   push.NewClient(serverKey, push.WithEndpoint(envOr("FCM_ENDPOINT", push.DefaultEndpoint))),
				Logger: logger,
			}

			srv := asynq.NewServer(redisOpt(), asynq.Config{
				Concurrency: *concurrency,
				Queues:      map[string]int{"critical": 6, "default": 3, "low": 1},
				ErrorHandler: asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
					logger.Error("task failed", "type", t.Type(), "err", err)
				}),
			})

			mux := asynq.NewServeMux()
			mux.Use(tasks.LoggingMiddleware(logger))
			mux.HandleFunc(tasks.TypePushSend, h.HandlePushSend)
			mux.HandleFunc(tasks.TypeUnsubscribe, h.HandleUnsubscribe)
			mux.HandleFunc(tasks.TypeWeeklyReport, h.HandleWeeklyReport)

			go func() {
				<-ctx.Done()
				srv.Shutdown()
			}()
			return srv.Run(mux)
		},
	}

	enqueueFlags := flag.NewFlagSet("notifyctl enqueue", flag.ExitOnError)
	queue := enqueueFlags.String("queue", "default", "queue to put the tasks on (critical, default, low)")
	title := enqueueFlags.String("title", "", "notification title")
	body := enqueueFlags.String("body", "", "notification body")
	ttl := enqueueFlags.Duration("ttl", 24*time.Hour, "how long the push remains deliverable")

	enqueue := &ffcli.Command{
		Name:       "enqueue",
		ShortUsage: "notifyctl enqueue [flags] <user-id>...",
		ShortHelp:  "Enqueue a push notification for one or more users",
		FlagSet:    enqueueFlags,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) == 0 || *title == "" {
				return errors.New("need at least one user id and -title")
			}
			if *signingKey == "" {
				return errors.New("-signing-key (or NOTIFY_SIGNING_KEY) is required")
			}
			client := asynq.NewClient(redisOpt())
			defer client.Close()

			for _, userID := range args {
				task, err := tasks.NewPushTask(tasks.PushPayload{
					UserID:     userID,
					Title:      *title,
					Body:       *body,
					TTLSeconds: int(ttl.Seconds()),
				}, []byte(*signingKey))
				if err != nil {
					return err
				}
				info, err := client.EnqueueContext(ctx, task, asynq.MaxRetry(5))
				if err != nil {
					return fmt.Errorf("enqueue for %s: %w", userID, err)
				}
				fmt.Printf("%s\t%s\t%s\n", userID, info.Queue, info.ID)
			}
			return nil
		},
	}

	scheduler := &ffcli.Command{
		Name:       "scheduler",
		ShortUsage: "notifyctl scheduler",
		ShortHelp:  "Run the periodic task scheduler",
		Exec: func(ctx context.Context, _ []string) error {
			s := asynq.NewScheduler(redisOpt(), &asynq.SchedulerOpts{Location: time.UTC})
			if _, err := s.Register("0 8 * * MON", tasks.NewWeeklyReportTask()); err != nil {
				return err
			}
			go func() {
				<-ctx.Done()
				s.Shutdown()
			}()
			return s.Run()
		},
	}

	root := &ffcli.Command{
		ShortUsage:  "notifyctl [flags] <subcommand>",
		FlagSet:     rootFlags,
		Options:     []ff.Option{ff.WithEnvVarPrefix("NOTIFY")},
		Subcommands: []*ffcli.Command{worker, enqueue, scheduler},
		Exec: func(context.Context, []string) error {
			return flag.ErrHelp
		},
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := root.ParseAndRun(ctx, os.Args[1:]); err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "notifyctl:", err)
		os.Exit(1)
	}
}
