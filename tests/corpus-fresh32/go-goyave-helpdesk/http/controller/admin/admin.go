package admin

import (
	"net/http"
	"strconv"
	"time"

	"github.com/northwind-support/helpdesk/database/repository"
	"github.com/northwind-support/helpdesk/http/middleware"
	"github.com/northwind-support/helpdesk/service/user"

	"goyave.dev/goyave/v5"
	"goyave.dev/goyave/v5/auth"
	"goyave.dev/goyave/v5/util/typeutil"
	v "goyave.dev/goyave/v5/validation"
)

type Controller struct {
	goyave.Component
	Users   *user.Service
	Tickets *repository.Ticket
}

func NewController() *Controller {
	return &Controller{}
}

func (ctrl *Controller) Init(server *goyave.Server) {
	ctrl.Component.Init(server)
	ctrl.Users = server.Service(user.Name).(*user.Service)
	ctrl.Tickets = repository.NewTicket(server.DB())
}

func (ctrl *Controller) RegisterRoutes(router *goyave.Router) {
	// Everything under /admin requires an authenticated administrator; the handlers rely on this.
	adminRouter := router.Subrouter("/admin").SetMeta(auth.MetaAuth, true)
	adminRouter.Middleware(&middleware.AdminOnly{})

	adminRouter.Get("/agents", ctrl.Agents)
	adminRouter.Post("/users/{userID:[0-9]+}/role", ctrl.SetRole).ValidateBody(ctrl.SetRoleRequest)
	adminRouter.Post("/tickets/auto-close", ctrl.AutoClose)
}

type SetRoleBody struct {
	Role string `json:"role"`
}

func (ctrl *Controller) SetRoleRequest(_ *goyave.Request) v.RuleSet {
	return v.RuleSet{
		{Path: v.CurrentElement, Rules: v.List{v.Object()}},
		{Path: "role", Rules: v.List{v.Required(), v.String(), v.In([]string{"customer", "agent", "admin"})}},
	}
}

func (ctrl *Controller) Agents(response *goyave.Response, request *goyave.Request) {
	agents, err := ctrl.Users.Agents(request.Context())
	if response.WriteDBError(err) {
		return
	}
	response.JSON(http.StatusOK, agents)
}

func (ctrl *Controller) SetRole(response *goyave.Response, request *goyave.Request) {
	id, _ := strconv.ParseUint(request.RouteParams["userID"], 10, 64)
	body := typeutil.MustConvert[SetRoleBody](request.Data)
	if err := ctrl.Users.SetRole(request.Context(), uint(id), body.Role); err != nil {
		ctrl.Logger().Error("changing role failed", "user", id, "error", err)
		response.Error(err)
		return
	}
	response.Status(http.StatusNoContent)
}

func (ctrl *Controller) AutoClose(response *goyave.Response, request *goyave.Request) {
	closed, err := ctrl.Tickets.AutoCloseStale(request.Context(), time.Now().AddDate(0, 0, -7))
	if err != nil {
		response.Error(err)
		return
	}
	response.JSON(http.StatusOK, map[string]int{"closed": closed})
}
