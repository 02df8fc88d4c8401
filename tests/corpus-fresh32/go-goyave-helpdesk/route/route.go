package route

import (
	"net/http"

	"github.com/northwind-support/helpdesk/database/model"
	"github.com/northwind-support/helpdesk/http/controller/admin"
	"github.com/northwind-support/helpdesk/http/controller/inbound"
	"github.com/northwind-support/helpdesk/http/controller/report"
	"github.com/northwind-support/helpdesk/http/controller/ticket"
	"github.com/northwind-support/helpdesk/http/middleware"
	"github.com/northwind-support/helpdesk/service/user"

	"goyave.dev/goyave/v5"
	"goyave.dev/goyave/v5/auth"
	"goyave.dev/goyave/v5/cors"
	"goyave.dev/goyave/v5/log"
	"goyave.dev/goyave/v5/middleware/parse"
)

func Register(server *goyave.Server, router *goyave.Router) {
	router.CORS(cors.Default())
	router.GlobalMiddleware(log.CombinedLogMiddleware())
	router.GlobalMiddleware(&parse.Middleware{MaxUploadSize: 20})

	userService := server.Service(user.Name).(*user.Service)
	authenticator := auth.NewJWTAuthenticator[model.User](userService)
	router.GlobalMiddleware(auth.Middleware[model.User](authenticator))

	// Probed by the load balancer; must answer without a token.
	router.Get("/health", health)
	router.Subrouter("/internal").Middleware(&middleware.StatsToken{}).Get("/stats", stats)

	// POST /login issues JWTs and is public by nature.
	router.Controller(auth.NewJWTController[model.User](userService, "Password"))
	router.Controller(inbound.NewController())
	router.Controller(ticket.NewController())
	router.Controller(admin.NewController())
	router.Controller(report.NewController())
}

func health(response *goyave.Response, _ *goyave.Request) {
	response.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

func stats(response *goyave.Response, request *goyave.Request) {
	ctx := request.Context()
	db := goyave.ServerFromContext(ctx).DB().WithContext(ctx)
	var open, pending int64
	if err := db.Model(&model.Ticket{}).Where("status = ?", "open").Count(&open).Error; response.WriteDBError(err) {
		return
	}
	if err := db.Model(&model.Ticket{}).Where("status = ?", "pending").Count(&pending).Error; response.WriteDBError(err) {
		return
	}
	response.JSON(http.StatusOK, map[string]int64{"open": open, "pending": pending})
}
