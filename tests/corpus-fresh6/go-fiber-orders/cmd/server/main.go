package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/orders-api/internal/config"
	"github.com/acme/orders-api/internal/handlers"
	"github.com/acme/orders-api/internal/middleware"
	"github.com/acme/orders-api/internal/payments"
	"github.com/acme/orders-api/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := config.Load()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Error("db connect", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	orders := &handlers.Orders{
		Store:    store.New(pool),
		Payments: payments.NewClient(cfg.PaymentsURL, cfg.RequestTimeout),
		Log:      log,
	}
	hook := &handlers.PaymentWebhook{Store: orders.Store, Secret: cfg.WebhookSecret, Log: log}

	app := fiber.New(fiber.Config{AppName: "orders-api", ReadTimeout: cfg.RequestTimeout})
	app.Use(recover.New(), middleware.RequestLogger(log))
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Post("/webhooks/payments", hook.Handle)

	api := app.Group("/api/v1", middleware.RequireAuth(cfg.JWTSecret))
	api.Get("/orders", orders.List)
	api.Get("/orders/export", orders.Export)
	api.Get("/orders/:id/receipt", orders.Receipt)
	api.Post("/orders/:id/cancel", orders.Cancel)

	admin := app.Group("/admin/v1", middleware.RequireAuth(cfg.JWTSecret))
	admin.Post("/orders/:id/refund", orders.Refund)

	internal := app.Group("/internal", middleware.RequireInternalKey(cfg.InternalKey))
	internal.Post("/orders/:id/paid", func(c *fiber.Ctx) error {
		return orders.Store.MarkPaid(c.UserContext(), c.Params("id"), c.Query("ref"))
	})

	go func() {
		<-ctx.Done()
		if err := app.Shutdown(); err != nil {
			log.Error("shutdown", "err", err)
		}
	}()
	if err := app.Listen(cfg.Addr); err != nil && !errors.Is(err, context.Canceled) {
		log.Error("listen", "err", err)
		os.Exit(1)
	}
}
