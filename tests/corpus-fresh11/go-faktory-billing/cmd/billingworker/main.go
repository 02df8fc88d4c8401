// Command billingworker processes billing jobs from Faktory and offers a few
// operator subcommands.
package main

import (
	"errors"
	"log/slog"
	"os"

	"github.com/jessevdk/go-flags"
)

type GlobalOptions struct {
	Verbose    bool   `short:"v" long:"verbose" description:"Enable debug logging"`
	FaktoryURL string `long:"faktory-url" env:"FAKTORY_URL" default:"tcp://:Zr8vK2mQ9xLp4TwB7cNe@faktory.billing.internal:7419" description:"Faktory server URL"`
	Config     string `short:"c" long:"config" default:"/etc/billing-worker/worker.yaml" description:"Config file"`
}

var opts GlobalOptions

func main() {
	parser := flags.NewParser(&opts, flags.Default)
	parser.CommandHandler = func(cmd flags.Commander, args []string) error {
		level := slog.LevelInfo
		if opts.Verbose {
			level = slog.LevelDebug
		}
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
		if err := os.Setenv("FAKTORY_URL", opts.FaktoryURL); err != nil {
			return err
		}
		return cmd.Execute(args)
	}

	mustAdd(parser.AddCommand("work", "Run the worker", "Fetch and process billing jobs until interrupted.", &WorkCommand{}))
	mustAdd(parser.AddCommand("enqueue", "Enqueue invoice jobs", "Push SendInvoice jobs for the given invoice IDs.", &EnqueueCommand{}))

	if _, err := parser.Parse(); err != nil {
		var ferr *flags.Error
		if errors.As(err, &ferr) && ferr.Type == flags.ErrHelp {
			os.Exit(0)
		}
		os.Exit(1)
	}
}

func mustAdd(_ *flags.Command, err error) {
	if err != nil {
		panic(err)
	}
}
