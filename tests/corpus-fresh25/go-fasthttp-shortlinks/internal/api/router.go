package api

import (
	"github.com/fasthttp/router"
	"github.com/valyala/fasthttp"

	"github.com/linkhut/shortlinks/internal/config"
)

func NewRouter(h *Handler, cfg *config.Config, metrics fasthttp.RequestHandler) fasthttp.RequestHandler {
	r := router.New()
	r.RedirectTrailingSlash = false

	r.GET("/healthz", h.health)
	r.GET("/metrics", Chain(metrics, MetricsAuth(cfg.MetricsToken)))
	r.GET("/{code}", h.redirect)

	auth := APIKeyAuth(h.store)
	v1 := r.Group("/api/v1")
	v1.POST("/links", Chain(h.createLink, auth, RateLimit(cfg.CreatePerMinute)))
	v1.GET("/links", Chain(h.listLinks, auth))
	v1.POST("/links/bulk", Chain(h.bulkCreate, auth))

	admin := AdminAuth(cfg.AdminToken)
	adm := r.Group("/admin")
	adm.GET("/links", Chain(h.adminListLinks, admin))
	adm.POST("/links/{id}/disable", Chain(h.adminDisableLink, admin))
	adm.DELETE("/keys/{id}", h.adminRevokeKey)

	return Chain(r.Handler, RequestID, AccessLog)
}
