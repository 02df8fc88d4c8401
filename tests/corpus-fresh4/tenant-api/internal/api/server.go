package api

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/acme/tenant-api/internal/billing"
	"github.com/acme/tenant-api/internal/config"
	"github.com/acme/tenant-api/internal/store"
)

func NewServer(cfg config.Config, st store.TenantStore) *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.Use(middleware.Recover(), middleware.RequestID())

	h := &Handler{store: st, billing: billing.New(cfg.BillingBaseURL), webhookSecret: cfg.WebhookSecret}

	e.GET("/healthz", h.Health)
	e.POST("/webhooks/billing", h.BillingWebhook)

	v1 := e.Group("/v1", JWTAuth(cfg.JWTSigningKey))
	v1.GET("/tenants", h.ListTenants)
	v1.GET("/tenants/:id", h.GetTenant)
	v1.GET("/tenants/:id/usage", h.TenantUsage)
	v1.GET("/tenants/:id/export", h.ExportTenant)

	admin := v1.Group("/admin")
	admin.POST("/tenants/:id/suspend", h.SuspendTenant)
	admin.DELETE("/tenants/:id", h.DeleteTenant)

	return e
}
