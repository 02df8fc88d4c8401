// Command notifier runs Brightloop's e-mail notification worker and the
// operator commands around it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/peterbourgon/ff/v3"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/brightloop/notifier/internal/config"
)

const defaultConfigFile = "/etc/notifier/notifier.conf"

func main() {
	cfg := config.FromEnv()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	rootFlags := flag.NewFlagSet("notifier", flag.ExitOnError)
	rootFlags.String("config", defaultConfigFile, "config file (key value per line)")
	rootFlags.StringVar(&cfg.RedisAddr, "redis-addr", cfg.RedisAddr, "Redis address")
	rootFlags.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "Postgres DSN")

	root := &ffcli.Command{
		Name:       "notifier",
		ShortUsage: "notifier [flags] <subcommand> [flags]",
		FlagSet:    rootFlags,
		Options: []ff.Option{
			ff.WithEnvVarPrefix("NOTIFIER"),
			ff.WithConfigFileFlag("config"),
			ff.WithConfigFileParser(ff.PlainParser),
			ff.WithAllowMissingConfigFile(true),
		},
		Subcommands: []*ffcli.Command{
			workerCommand(&cfg, logger),
			schedulerCommand(&cfg, logger),
			enqueueCommand(&cfg, logger),
			unsubscribeLinkCommand(&cfg),
		},
		Exec: func(ctx context.Context, args []string) error {
			return flag.ErrHelp
		},
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := root.ParseAndRun(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "notifier:", err)
		os.Exit(1)
	}
}
