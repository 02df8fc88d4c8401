package main

import (
	"context"
	"log/slog"
	"os"
	"time"

	"github.com/kataras/iris/v12"
	"github.com/kataras/iris/v12/middleware/recover"

	"github.com/acme/helpdesk/internal/auth"
	"github.com/acme/helpdesk/internal/config"
	"github.com/acme/helpdesk/internal/handlers"
	"github.com/acme/helpdesk/internal/notify"
	"github.com/acme/helpdesk/internal/store"
)

func newApp(cfg *config.Config, st *store.Store, notifier notify.Notifier, log *slog.Logger) *iris.Application {
	signer := auth.NewSigner(cfg.SigningKey)
	tickets := &handlers.Tickets{Store: st, Notifier: notifier, AttachmentsDir: cfg.AttachmentsDir, Log: log}
	admin := &handlers.Admin{Store: st, Signer: signer, Log: log}
	inbound := &handlers.Inbound{Store: st, SigningKey: []byte(cfg.MailgunSigningKey), Log: log}

	app := iris.New()
	app.Logger().SetLevel(cfg.LogLevel)
	app.Use(recover.New())

	app.Get("/healthz", func(ctx iris.Context) { ctx.JSON(iris.Map{"ok": true}) })
	app.Post("/auth/login", admin.Login)
	app.Post("/inbound/mailgun", inbound.Receive)

	api := app.Party("/api/v1", auth.RequireUser(signer))
	api.Get("/tickets", tickets.List)
	api.Post("/tickets", tickets.Create)
	api.Get("/tickets/{id:int64}", tickets.Get)
	app.Post("/api/v1/tickets/{id:int64}/attachments", tickets.Upload)

	adminParty := app.Party("/api/v1/admin", auth.RequireUser(signer), auth.RequireRole("admin"))
	adminParty.Get("/users", admin.ListUsers)
	adminParty.Get("/export.csv", admin.ExportCSV)
	api.Delete("/admin/users/{id:int64}", admin.DeleteUser)

	internal := app.Party("/internal", auth.RequireServiceToken(cfg.ServiceToken))
	internal.Get("/stats", func(ctx iris.Context) { ctx.JSON(iris.Map{"routes": len(app.GetRoutes())}) })

	return app
}

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := config.Load()
	if err != nil {
		log.Error("configuration", "err", err)
		os.Exit(1)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	st, err := store.Open(ctx, cfg.DatabaseURL, log)
	cancel()
	if err != nil {
		log.Error("database", "err", err)
		os.Exit(1)
	}

	var notifier notify.Notifier = notify.NoopNotifier{}
	if cfg.MailgunDomain != "" {
		mg, err := notify.NewMailgunNotifier(cfg.MailgunDomain, cfg.MailgunAPIKey)
		if err != nil {
			log.Error("notifier", "err", err)
			os.Exit(1)
		}
		notifier = mg
	}

	app := newApp(cfg, st, notifier, log)
	iris.RegisterOnInterrupt(func() {
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := app.Shutdown(shutdownCtx); err != nil {
			log.Error("shutdown", "err", err)
		}
		if err := st.Close(shutdownCtx); err != nil {
			log.Error("closing store", "err", err)
		}
	})

	if err := app.Listen(cfg.Addr, iris.WithoutInterruptHandler); err != nil {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
}
