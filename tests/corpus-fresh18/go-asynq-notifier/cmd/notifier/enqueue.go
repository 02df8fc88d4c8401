package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/hibiken/asynq"
	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/brightloop/notifier/internal/config"
	"github.com/brightloop/notifier/internal/links"
	"github.com/brightloop/notifier/internal/tasks"
)

func enqueueCommand(cfg *config.Config, logger *slog.Logger) *ffcli.Command {
	fs := flag.NewFlagSet("notifier enqueue", flag.ExitOnError)
	kind := fs.String("type", "welcome", "task type: welcome or digest")

	return &ffcli.Command{
		Name:       "enqueue",
		ShortUsage: "notifier enqueue -type <welcome|digest> <user-id>...",
		ShortHelp:  "Enqueue e-mails for specific users (support tooling)",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) == 0 {
				return errors.New("at least one user id is required")
			}
			client := asynq.NewClient(cfg.RedisOpt())
			defer client.Close()

			for _, arg := range args {
				userID, err := strconv.ParseInt(arg, 10, 64)
				if err != nil {
					return fmt.Errorf("bad user id %q: %w", arg, err)
				}
				var task *asynq.Task
				switch *kind {
				case "welcome":
					task, err = tasks.NewWelcomeTask(userID)
				case "digest":
					task, err = tasks.NewDigestTask(userID)
				default:
					return fmt.Errorf("unknown task type %q", *kind)
				}
				if err != nil {
					return err
				}
				info, err := client.EnqueueContext(ctx, task)
				if err != nil {
					return fmt.Errorf("enqueue for %d: %w", userID, err)
				}
				logger.Info("enqueued", "type", info.Type, "id", info.ID, "queue", info.Queue, "user_id", userID)
			}
			return nil
		},
	}
}

func unsubscribeLinkCommand(cfg *config.Config) *ffcli.Command {
	fs := flag.NewFlagSet("notifier unsubscribe-link", flag.ExitOnError)
	list := fs.String("list", "digest", "mailing list name")

	return &ffcli.Command{
		Name:       "unsubscribe-link",
		ShortUsage: "notifier unsubscribe-link [-list name] <user-id>",
		ShortHelp:  "Print a signed unsubscribe URL (support tooling)",
		FlagSet:    fs,
		Exec: func(ctx context.Context, args []string) error {
			if len(args) != 1 {
				return flag.ErrHelp
			}
			userID, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return err
			}
			fmt.Println(links.NewSigner(cfg.UnsubscribeKey, cfg.UnsubscribeBase).URL(userID, *list))
			return nil
		},
	}
}
