package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/go-fuego/fuego"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/hubspace/deskbook/ent"
	"github.com/hubspace/deskbook/internal/auth"
	"github.com/hubspace/deskbook/internal/billing"
	"github.com/hubspace/deskbook/internal/config"
	"github.com/hubspace/deskbook/internal/handlers"
	"github.com/hubspace/deskbook/internal/server"
)

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(fmt.Sprintf("unknown timezone %q: %v", name, err))
	}
	return loc
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	cfg, err := config.Load()
	if err != nil {
		log.Error("loading config", "err", err)
		os.Exit(1)
	}

	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Error("opening database", "err", err)
		os.Exit(1)
	}
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.Postgres, db)))
	defer client.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	if err := client.Schema.Create(ctx); err != nil {
		cancel()
		log.Error("migrating schema", "err", err)
		os.Exit(1)
	}
	cancel()

	var invoicer billing.Invoicer = billing.Noop{}
	if cfg.BillingAPIKey != "" {
		bc, err := billing.NewClient(cfg.BillingBaseURL, cfg.BillingAPIKey, cfg.InvoiceTemplateDir, log.With("component", "billing"))
		if err != nil {
			log.Error("creating billing client", "err", err)
			os.Exit(1)
		}
		invoicer = bc
	} else {
		log.Warn("BILLING_API_KEY not set; invoices will not be created")
	}

	authenticator := auth.New(cfg.JWTSecret, cfg.JWTIssuer)
	h := &handlers.Handlers{
		DB:            client,
		Auth:          authenticator,
		Billing:       invoicer,
		Log:           log,
		Loc:           mustLoadLocation(cfg.Timezone),
		KioskKey:      cfg.KioskKey,
		WebhookSecret: cfg.BillingWebhookSecret,
	}

	s := fuego.NewServer(fuego.WithAddr(cfg.Addr))
	server.Register(s, authenticator, h)

	log.Info("deskbook listening", "addr", cfg.Addr, "data_dir", cfg.DataDir)
	if err := s.Run(); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
