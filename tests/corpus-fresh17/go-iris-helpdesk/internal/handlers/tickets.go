package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/kataras/iris/v12"

	"github.com/acme/helpdesk/internal/auth"
	"github.com/acme/helpdesk/internal/notify"
	"github.com/acme/helpdesk/internal/store"
)

type TicketStore interface {
	ListTickets(ctx context.Context, status string, assigneeID int64, limit int) ([]store.Ticket, error)
	GetTicket(ctx context.Context, id int64) (store.Ticket, error)
	CreateTicket(ctx context.Context, t store.Ticket) (store.Ticket, error)
	AddAttachment(ctx context.Context, ticketID int64, name, path string) error
}

type Tickets struct {
	Store          TicketStore
	Notifier       notify.Notifier
	AttachmentsDir string
	Log            *slog.Logger
}

type createTicketRequest struct {
	Subject   string `json:"subject"`
	Body      string `json:"body"`
	Requester string `json:"requester"`
}

func (h *Tickets) List(ctx iris.Context) {
	status := ctx.URLParamDefault("status", "open")
	assignee := ctx.URLParamInt64Default("assignee", 0)
	limit := ctx.URLParamIntDefault("limit", 50)
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	tickets, err := h.Store.ListTickets(ctx.Request().Context(), status, assignee, limit)
	if err != nil {
		h.Log.Error("list tickets", "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	ctx.JSON(tickets)
}

func (h *Tickets) Get(ctx iris.Context) {
	id := ctx.Params().GetInt64Default("id", 0)
	t, err := h.Store.GetTicket(ctx.Request().Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		ctx.StopWithStatus(iris.StatusNotFound)
		return
	}
	if err != nil {
		h.Log.Error("get ticket", "id", id, "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	ctx.JSON(t)
}

func (h *Tickets) Create(ctx iris.Context) {
	var req createTicketRequest
	if err := ctx.ReadJSON(&req); err != nil || strings.TrimSpace(req.Subject) == "" {
		ctx.StopWithError(iris.StatusBadRequest, errors.New("subject is required"))
		return
	}
	t, err := h.Store.CreateTicket(ctx.Request().Context(), store.Ticket{Subject: req.Subject, Body: req.Body, Requester: req.Requester})
	if err != nil {
		h.Log.Error("create ticket", "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	if err := h.Notifier.TicketCreated(ctx.Request().Context(), t); err != nil {
		// The ticket is saved; the requester can still see it in the portal, so only warn.
		h.Log.Warn("ticket notification failed", "id", t.ID, "err", err)
	}
	ctx.StatusCode(iris.StatusCreated)
	ctx.JSON(t)
}

func (h *Tickets) Upload(ctx iris.Context) {
	id := ctx.Params().GetInt64Default("id", 0)
	_, header, err := ctx.FormFile("file")
	if err != nil {
		ctx.StopWithError(iris.StatusBadRequest, err)
		return
	}
	name := filepath.Base(header.Filename)
	dest := filepath.Join(h.AttachmentsDir, fmt.Sprintf("%d-%s", id, name))
	if _, err := ctx.SaveFormFile(header, dest); err != nil {
		h.Log.Error("save attachment", "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	if err := h.Store.AddAttachment(ctx.Request().Context(), id, name, dest); err != nil {
		h.Log.Error("record attachment", "err", err)
		ctx.StopWithStatus(iris.StatusInternalServerError)
		return
	}
	claims := auth.ClaimsFrom(ctx)
	h.Log.Info("attachment uploaded", "ticket", id, "name", name, "by", claimsUser(claims))
	ctx.StatusCode(iris.StatusCreated)
}

func claimsUser(c *auth.Claims) any {
	if c == nil {
		return "anonymous"
	}
	return c.UserID
}
