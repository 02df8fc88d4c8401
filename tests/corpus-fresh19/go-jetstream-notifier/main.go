package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/integrii/flaggy"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/acme/notifier/internal/auth"
	"github.com/acme/notifier/internal/config"
	"github.com/acme/notifier/internal/consumer"
	"github.com/acme/notifier/internal/mail"
	"github.com/acme/notifier/internal/store"
)

var version = "dev"

func loadEnvFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return fmt.Errorf("%s: malformed line %q", path, line)
		}
		if _, set := os.LookupEnv(k); !set {
			if err := os.Setenv(k, strings.Trim(v, `"`)); err != nil {
				return err
			}
		}
	}
	return sc.Err()
}

func connect(cfg config.Config) (*nats.Conn, error) {
	return nats.Connect(cfg.NATSURL,
		nats.Name("notifier"),
		nats.RootCAs(cfg.NATSCAFile),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(2*time.Second),
	)
}

func run(ctx context.Context, cfg config.Config, dryRun bool, logger *slog.Logger) error {
	nc, err := connect(cfg)
	if err != nil {
		return fmt.Errorf("nats: %w", err)
	}
	defer nc.Drain()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()

	var sender mail.Sender = mail.NoopSender{Log: logger}
	if !dryRun {
		m, err := mail.NewSMTPMailer(cfg.SMTPAddr, cfg.SMTPUser, cfg.SMTPPassword, cfg.From)
		if err != nil {
			return err
		}
		sender = m
	}
	h, err := consumer.NewHandlers(sender, st, cfg.TemplateDir, []byte(cfg.SigningKey), cfg.DigestMax, logger)
	if err != nil {
		return err
	}
	cons, err := consumer.Setup(ctx, js, cfg.Stream, cfg.Durable)
	if err != nil {
		return fmt.Errorf("consumer: %w", err)
	}
	logger.Info("consuming", "stream", cfg.Stream, "durable", cfg.Durable, "dry_run", dryRun)
	return consumer.NewRunner(cons, h.Register(), logger).Run(ctx)
}

func replay(ctx context.Context, cfg config.Config, fromSeq uint64, logger *slog.Logger) error {
	nc, err := connect(cfg)
	if err != nil {
		return err
	}
	defer nc.Drain()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	cons, err := js.OrderedConsumer(ctx, cfg.Stream, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{"notify.>"},
		DeliverPolicy:  jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:    fromSeq,
	})
	if err != nil {
		return err
	}
	batch, err := cons.FetchNoWait(500)
	if err != nil {
		return err
	}
	n := 0
	for msg := range batch.Messages() {
		hdr := nats.Header{}
		for k, v := range msg.Headers() {
			hdr[k] = v
		}
		hdr.Set("Acme-Replay", "1")
		if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: msg.Subject(), Data: msg.Data(), Header: hdr}); err != nil {
			return fmt.Errorf("republish: %w", err)
		}
		n++
	}
	logger.Info("replayed", "count", n, "from_seq", fromSeq)
	return batch.Error()
}

func purge(ctx context.Context, cfg config.Config, days int) error {
	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Purge(ctx, time.Now().AddDate(0, 0, -days))
	if err != nil {
		return err
	}
	fmt.Printf("purged %d delivery records older than %d days\n", n, days)
	return nil
}

func stats(ctx context.Context, cfg config.Config) error {
	st, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer st.Close()
	counts, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Printf("%-16s %8d\n", k, counts[k])
	}
	return nil
}

func main() {
	flaggy.SetName("notifier")
	flaggy.SetDescription("Delivers notification e-mails from the NOTIFY JetStream stream")
	flaggy.SetVersion(version)

	envFile := "/etc/notifier/notifier.env"
	flaggy.String(&envFile, "e", "env-file", "KEY=VALUE file loaded before reading the environment")

	runCmd := flaggy.NewSubcommand("run")
	runCmd.Description = "consume and deliver notifications"
	dryRun := false
	runCmd.Bool(&dryRun, "n", "dry-run", "log messages instead of sending mail")

	var adminToken string
	replayCmd := flaggy.NewSubcommand("replay")
	replayCmd.Description = "re-publish messages starting at a stream sequence"
	var fromSeq uint64
	replayCmd.UInt64(&fromSeq, "s", "from-seq", "first stream sequence to replay")
	replayCmd.String(&adminToken, "t", "token", "admin token")

	purgeCmd := flaggy.NewSubcommand("purge")
	purgeCmd.Description = "delete delivery records older than --days"
	days := 90
	purgeCmd.Int(&days, "d", "days", "retention in days")

	statsCmd := flaggy.NewSubcommand("stats")
	statsCmd.Description = "print delivery counts by kind"

	flaggy.AttachSubcommand(runCmd, 1)
	flaggy.AttachSubcommand(replayCmd, 1)
	flaggy.AttachSubcommand(purgeCmd, 1)
	flaggy.AttachSubcommand(statsCmd, 1)
	flaggy.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	if err := loadEnvFile(envFile); err != nil {
		logger.Error("env file", "path", envFile, "err", err)
		os.Exit(2)
	}
	cfg := config.Load()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var err error
	switch {
	case runCmd.Used:
		err = run(ctx, cfg, dryRun, logger)
	case replayCmd.Used:
		if err = auth.RequireAdmin(adminToken, cfg.AdminToken); err == nil {
			err = replay(ctx, cfg, fromSeq, logger)
		}
	case purgeCmd.Used:
		err = purge(ctx, cfg, days)
	case statsCmd.Used:
		err = stats(ctx, cfg)
	default:
		flaggy.ShowHelpAndExit("a subcommand is required")
	}
	if err != nil {
		logger.Error("notifier failed", "err", err)
		os.Exit(1)
	}
}
