package handlers_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/go-fuego/fuego"
	_ "github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/require"

	"github.com/hubspace/deskbook/ent"
	"github.com/hubspace/deskbook/ent/enttest"
	"github.com/hubspace/deskbook/internal/auth"
	"github.com/hubspace/deskbook/internal/billing"
	"github.com/hubspace/deskbook/internal/handlers"
	"github.com/hubspace/deskbook/internal/server"
)

type fixture struct {
	srv    *fuego.Server
	db     *ent.Client
	auth   *auth.Authenticator
	member *ent.Member
	desk   *ent.Desk
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := enttest.Open(t, dialect.SQLite, "file:"+t.Name()+"?mode=memory&cache=shared&_fk=1")
	t.Cleanup(func() { db.Close() })

	a := auth.New([]byte("test-secret"), "deskbook-test")
	h := &handlers.Handlers{
		DB:            db,
		Auth:          a,
		Billing:       billing.Noop{},
		Log:           slog.New(slog.NewTextHandler(io.Discard, nil)),
		Loc:           time.UTC,
		KioskKey:      "kiosk-test",
		WebhookSecret: []byte("whsec-test"),
	}
	s := fuego.NewServer()
	server.Register(s, a, h)

	ctx := context.Background()
	m := db.Member.Create().SetEmail("ada@example.test").SetName("Ada").SetPasswordHash("x").SaveX(ctx)
	d := db.Desk.Create().SetName("A1").SetHourlyRateCents(600).SaveX(ctx)
	return &fixture{srv: s, db: db, auth: a, member: m, desk: d}
}

func (f *fixture) do(t *testing.T, method, path, token string, body any, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	var buf bytes.Buffer
	if body != nil {
		require.NoError(t, json.NewEncoder(&buf).Encode(body))
	}
	req := httptest.NewRequest(method, path, &buf)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	f.srv.Mux.ServeHTTP(rec, req)
	return rec
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d; body: %s", rec.Code, want, rec.Body.String())
	}
}

func TestListDesksIsPublic(t *testing.T) {
	f := newFixture(t)
	rec := f.do(t, http.MethodGet, "/desks", "", nil)
	assertStatus(t, rec, http.StatusOK)
}

func TestCreateBookingRejectsOverlap(t *testing.T) {
	f := newFixture(t)
	token, _ := f.auth.Issue(f.member.ID, "member")
	start := time.Now().Add(24 * time.Hour).Truncate(time.Hour)
	req := handlers.CreateBookingRequest{DeskID: f.desk.ID, StartsAt: start, EndsAt: start.Add(2 * time.Hour)}

	first := f.do(t, http.MethodPost, "/bookings", token, req)
	require.Equal(t, http.StatusOK, first.Code, first.Body.String())

	req.StartsAt = start.Add(time.Hour)
	req.EndsAt = start.Add(3 * time.Hour)
	second := f.do(t, http.MethodPost, "/bookings", token, req)
	require.Equal(t, http.StatusConflict, second.Code)
}

func TestCreateBookingChargesHourlyRate(t *testing.T) {
	f := newFixture(t)
	token, _ := f.auth.Issue(f.member.ID, "member")
	start := time.Now().Add(48 * time.Hour).Truncate(time.Hour)

	rec := f.do(t, http.MethodPost, "/bookings", token, handlers.CreateBookingRequest{
		DeskID: f.desk.ID, StartsAt: start, EndsAt: start.Add(3 * time.Hour),
	})
	t.Logf("response: %s", rec.Body.String())
}

func TestBillingWebhookMarksBookingPaid(t *testing.T) {
	f := newFixture(t)
	start := time.Now().Add(24 * time.Hour)
	b := f.db.Booking.Create().SetDeskID(f.desk.ID).SetMemberID(f.member.ID).
		SetStartsAt(start).SetEndsAt(start.Add(time.Hour)).SetAmountCents(600).SaveX(context.Background())

	payload, _ := json.Marshal(map[string]any{"type": "invoice.paid", "invoice_id": "inv_1", "booking_id": b.ID})
	mac := hmac.New(sha256.New, []byte("whsec-test"))
	mac.Write(payload)

	req := httptest.NewRequest(http.MethodPost, "/webhooks/billing", bytes.NewReader(payload))
	req.Header.Set("X-Ledgerly-Signature", hex.EncodeToString(mac.Sum(nil)))
	rec := httptest.NewRecorder()
	f.srv.Mux.ServeHTTP(rec, req)

	assertStatus(t, rec, http.StatusOK)
	require.True(t, f.db.Booking.GetX(context.Background(), b.ID).Paid)
}

func TestAdminRoutesRequireAdminRole(t *testing.T) {
	f := newFixture(t)
	token, _ := f.auth.Issue(f.member.ID, "member")
	rec := f.do(t, http.MethodDelete, "/admin/desks/1", token, nil)
	assertStatus(t, rec, http.StatusForbidden)
}
