package handlers

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gorilla/mux"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeStore struct {
	tickets map[string]Ticket
	audits  []AuditEntry
}

func (f *fakeStore) List(context.Context, int) ([]Ticket, error) {
	out := make([]Ticket, 0, len(f.tickets))
	for _, t := range f.tickets {
		out = append(out, t)
	}
	return out, nil
}
func (f *fakeStore) Get(_ context.Context, id string) (Ticket, error) {
	t, ok := f.tickets[id]
	if !ok {
		return Ticket{}, ErrNotFound
	}
	return t, nil
}
func (f *fakeStore) Create(_ context.Context, t Ticket) (Ticket, error) { t.ID = "new"; return t, nil }
func (f *fakeStore) SetStatus(_ context.Context, id, s string) error {
	t := f.tickets[id]
	t.Status = s
	f.tickets[id] = t
	return nil
}
func (f *fakeStore) Purge(context.Context, time.Duration) (int64, error) { return 0, nil }
func (f *fakeStore) Record(_ context.Context, e AuditEntry) error     { f.audits = append(f.audits, e); return nil }

func newTestHandler() (*Handler, *fakeStore) {
	fs := &fakeStore{tickets: map[string]Ticket{
		"1": {ID: "1", Title: "printer on fire", Status: "open", Assignee: "sam"},
		"2": {ID: "2", Title: "vpn flaky", Status: "closed", Assignee: "lee"},
	}}
	return &Handler{Store: fs, Audit: fs, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}, fs
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rec.Code, want, rec.Body.String())
	}
}

func TestFilterTicketsByStatus(t *testing.T) {
	h, _ := newTestHandler()
	all, _ := h.Store.List(context.Background(), 10)
	got := filterTickets(all, "open", "")
	require.Len(t, got, 1)
	assert.Equal(t, "1", got[0].ID)
}

func TestCloseTicket(t *testing.T) {
	h, _ := newTestHandler()
	req := mux.SetURLVars(httptest.NewRequest(http.MethodPost, "/tickets/1/close", nil), map[string]string{"id": "1"})
	rec := httptest.NewRecorder()
	h.close(rec, req)
}

func TestGetUnknownTicketIs404(t *testing.T) {
	h, _ := newTestHandler()
	r := mux.NewRouter()
	h.Register(r)
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/tickets/404", nil))
	assertStatus(t, rec, http.StatusNotFound)
}

func TestRoutesBehindDenyAllGuard(t *testing.T) {
	// a stand-in guard local to this test; production uses middleware.RequireToken
	denyAll := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusUnauthorized) })
	}
	h, _ := newTestHandler()
	r := mux.NewRouter()
	r.Use(denyAll)
	h.Register(r)
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/tickets", nil))
	assertStatus(t, rec, http.StatusUnauthorized)
}
