package handlers

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/kataras/iris/v12"
	"github.com/kataras/iris/v12/httptest"

	"github.com/acme/helpdesk/internal/auth"
	"github.com/acme/helpdesk/internal/notify"
	"github.com/acme/helpdesk/internal/store"
)

type fakeTickets struct {
	tickets []store.Ticket
}

func (f *fakeTickets) ListTickets(_ context.Context, status string, _ int64, limit int) ([]store.Ticket, error) {
	var out []store.Ticket
	for _, t := range f.tickets {
		if t.Status == status && len(out) < limit {
			out = append(out, t)
		}
	}
	return out, nil
}

func (f *fakeTickets) GetTicket(_ context.Context, id int64) (store.Ticket, error) {
	for _, t := range f.tickets {
		if t.ID == id {
			return t, nil
		}
	}
	return store.Ticket{}, store.ErrNotFound
}

func (f *fakeTickets) CreateTicket(_ context.Context, t store.Ticket) (store.Ticket, error) {
	t.ID = int64(len(f.tickets) + 1)
	t.Status = "open"
	f.tickets = append(f.tickets, t)
	return t, nil
}

func (f *fakeTickets) AddAttachment(context.Context, int64, string, string) error { return nil }

func newTestApp(t *testing.T) (*iris.Application, *auth.Signer) {
	t.Helper()
	signer := auth.NewSigner([]byte("0123456789abcdef0123456789abcdef"))
	h := &Tickets{
		Store:          &fakeTickets{tickets: []store.Ticket{{ID: 1, Subject: "VPN down", Status: "open"}}},
		Notifier:       notify.NoopNotifier{},
		AttachmentsDir: t.TempDir(),
		Log:            slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	app := iris.New()
	api := app.Party("/api/v1", auth.RequireUser(signer))
	api.Get("/tickets", h.List)
	api.Get("/tickets/{id:int64}", h.Get)
	api.Post("/tickets", h.Create)
	return app, signer
}

func bearer(s *auth.Signer) string {
	return "Bearer " + s.Issue(auth.Claims{UserID: 1, Role: "agent", Expires: time.Now().Add(time.Hour)})
}

func TestListRequiresToken(t *testing.T) {
	app, _ := newTestApp(t)
	e := httptest.New(t, app)
	e.GET("/api/v1/tickets").Expect().Status(httptest.StatusUnauthorized)
}

func TestListOpenTickets(t *testing.T) {
	app, signer := newTestApp(t)
	e := httptest.New(t, app)
	e.GET("/api/v1/tickets").WithQuery("status", "open").WithHeader("Authorization", bearer(signer)).Expect()
}

func TestGetUnknownTicket(t *testing.T) {
	app, signer := newTestApp(t)
	e := httptest.New(t, app)
	e.GET("/api/v1/tickets/99").WithHeader("Authorization", bearer(signer)).Expect().Status(httptest.StatusNotFound)
}

func TestCreateTicket(t *testing.T) {
	app, signer := newTestApp(t)
	e := httptest.New(t, app)
	obj := e.POST("/api/v1/tickets").
		WithHeader("Authorization", bearer(signer)).
		WithJSON(map[string]string{"subject": "Laptop fan", "requester": "ana@example.com"}).
		Expect().Status(httptest.StatusCreated).JSON().Object()
	obj.Value("id").Number().IsEqual(2)
	obj.Value("status").String().IsEqual("open")
}
