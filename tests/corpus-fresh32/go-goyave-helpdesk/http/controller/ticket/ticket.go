package ticket

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/northwind-support/helpdesk/database/model"
	"github.com/northwind-support/helpdesk/database/repository"
	"github.com/northwind-support/helpdesk/service/mail"

	"goyave.dev/goyave/v5"
	"goyave.dev/goyave/v5/auth"
	"goyave.dev/goyave/v5/util/typeutil"
)

type Controller struct {
	goyave.Component
	Tickets *repository.Ticket
	Mailer  mail.Mailer
}

func NewController() *Controller {
	return &Controller{}
}

func (ctrl *Controller) Init(server *goyave.Server) {
	ctrl.Component.Init(server)
	ctrl.Tickets = repository.NewTicket(server.DB())
	ctrl.Mailer = server.Service(mail.Name).(mail.Mailer)
}

func (ctrl *Controller) RegisterRoutes(router *goyave.Router) {
	subrouter := router.Subrouter("/tickets")

	authed := subrouter.Group().SetMeta(auth.MetaAuth, true)
	authed.Get("/", ctrl.Index).ValidateQuery(ctrl.IndexRequest)
	authed.Post("/", ctrl.Create).ValidateBody(ctrl.CreateRequest)
	authed.Get("/{ticketID:[0-9]+}", ctrl.Show)
	authed.Post("/{ticketID:[0-9]+}/replies", ctrl.Reply).ValidateBody(ctrl.ReplyRequest)
	authed.Post("/{ticketID:[0-9]+}/merge", ctrl.Merge).ValidateBody(ctrl.MergeRequest)

	subrouter.Delete("/{ticketID:[0-9]+}", ctrl.Destroy)
}

func currentUser(request *goyave.Request) *model.User {
	return request.User.(*model.User)
}

func isAgent(u *model.User) bool {
	return u.Role == model.RoleAgent || u.Role == model.RoleAdmin
}

func ticketID(request *goyave.Request) uint {
	id, _ := strconv.ParseUint(request.RouteParams["ticketID"], 10, 64)
	return uint(id)
}

func (ctrl *Controller) Index(response *goyave.Response, request *goyave.Request) {
	query := typeutil.MustConvert[IndexQuery](request.Query)
	tickets, err := ctrl.Tickets.Index(request.Context(), currentUser(request), query.Status, query.Page, query.PageSize)
	if response.WriteDBError(err) {
		return
	}
	response.JSON(http.StatusOK, tickets)
}

func (ctrl *Controller) Show(response *goyave.Response, request *goyave.Request) {
	user := currentUser(request)
	ticket, err := ctrl.Tickets.First(request.Context(), ticketID(request), isAgent(user))
	if response.WriteDBError(err) {
		return
	}
	if !isAgent(user) && ticket.RequesterID != user.ID {
		response.Status(http.StatusNotFound)
		return
	}
	response.JSON(http.StatusOK, ticket)
}

func (ctrl *Controller) Create(response *goyave.Response, request *goyave.Request) {
	user := currentUser(request)
	body := typeutil.MustConvert[CreateTicket](request.Data)
	ticket := &model.Ticket{Subject: body.Subject, Priority: body.Priority, RequesterID: user.ID, Status: "open"}
	if err := ctrl.Tickets.Create(request.Context(), ticket, body.Message); err != nil {
		response.Error(err)
		return
	}
	response.JSON(http.StatusCreated, ticket)
}

func (ctrl *Controller) Reply(response *goyave.Response, request *goyave.Request) {
	user := currentUser(request)
	body := typeutil.MustConvert[CreateReply](request.Data)
	ticket, err := ctrl.Tickets.First(request.Context(), ticketID(request), false)
	if response.WriteDBError(err) {
		return
	}
	if !isAgent(user) && (ticket.RequesterID != user.ID || body.Internal) {
		response.Status(http.StatusForbidden)
		return
	}
	reply, err := ctrl.Tickets.AddReply(request.Context(), ticket.ID, user.ID, body.Body, body.Internal)
	if err != nil {
		response.Error(err)
		return
	}
	if isAgent(user) && !body.Internal {
		_ = ctrl.Mailer.Send(request.Context(), mail.Message{
			To:       ticket.Requester.Email,
			Subject:  fmt.Sprintf("Re: [#%d] %s", ticket.ID, ticket.Subject),
			Text:     body.Body,
			ThreadID: fmt.Sprintf("ticket-%d", ticket.ID),
		})
	}
	response.JSON(http.StatusCreated, reply)
}

func (ctrl *Controller) Merge(response *goyave.Response, request *goyave.Request) {
	response.Status(http.StatusNotImplemented)
}

func (ctrl *Controller) Destroy(response *goyave.Response, request *goyave.Request) {
	err := ctrl.Tickets.Delete(request.Context(), ticketID(request))
	if response.WriteDBError(err) {
		return
	}
	response.Status(http.StatusNoContent)
}
