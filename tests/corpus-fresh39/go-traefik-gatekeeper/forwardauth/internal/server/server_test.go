package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/config"
	"github.com/northwind-labs/traefik-gatekeeper/forwardauth/internal/session"
)

type fakeSessions struct {
	sessions map[string]*session.Session
	revoked  []string
}

func (f *fakeSessions) Lookup(_ context.Context, id, _ string) (*session.Session, error) {
	if s, ok := f.sessions[id]; ok {
		return s, nil
	}
	return nil, session.ErrNoSession
}

func (f *fakeSessions) Touch(context.Context, string) error { return nil }

func (f *fakeSessions) Revoke(_ context.Context, id string) error {
	f.revoked = append(f.revoked, id)
	delete(f.sessions, id)
	return nil
}

const adminToken = "test-admin-token"

func fixture(t *testing.T) (*Authz, *Admin, *fakeSessions) {
	t.Helper()
	dir := t.TempDir()
	keys, err := OpenKeyStore(filepath.Join(dir, "keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	sessions := &fakeSessions{sessions: map[string]*session.Session{
		"s-1": {ID: "s-1", Email: "ana@northwind.dev", Groups: []string{"eng"}, ExpiresAt: time.Now().Add(time.Hour)},
	}}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg := config.Config{SessionCookie: "nw_session", PublicPaths: []string{"/healthz", "/static/"}, Audience: "apps.northwind.dev"}
	return &Authz{Cfg: cfg, Sessions: sessions, Keys: keys, Log: log},
		&Admin{Token: adminToken, Keys: keys, Sessions: sessions, Log: log, AuditLog: filepath.Join(dir, "audit.log")},
		sessions
}

func forwarded(method, uri string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, "/auth", nil)
	r.Header.Set("X-Forwarded-Method", method)
	r.Header.Set("X-Forwarded-Uri", uri)
	r.Header.Set("X-Forwarded-Host", "wiki.northwind.dev")
	return r
}

func TestPublicPathsPass(t *testing.T) {
	authz, _, _ := fixture(t)
	for _, uri := range []string{"/healthz", "/static/app.css"} {
		rec := httptest.NewRecorder()
		authz.ServeHTTP(rec, forwarded(http.MethodGet, uri))
		if rec.Code != http.StatusNoContent {
			t.Errorf("%s: status %d", uri, rec.Code)
		}
	}
}

func TestMissingSessionRedirectsBrowsers(t *testing.T) {
	authz, _, _ := fixture(t)
	rec := httptest.NewRecorder()
	authz.ServeHTTP(rec, forwarded(http.MethodGet, "/pages/home?x=1"))
	if rec.Code != http.StatusFound {
		t.Fatalf("status %d", rec.Code)
	}
	if loc := rec.Header().Get("Location"); loc == "" {
		t.Fatal("no redirect location")
	}
}

func TestValidSessionSetsIdentityHeaders(t *testing.T) {
	authz, _, _ := fixture(t)
	req := forwarded(http.MethodGet, "/pages/home")
	req.AddCookie(&http.Cookie{Name: "nw_session", Value: "s-1"})
	rec := httptest.NewRecorder()
	authz.ServeHTTP(rec, req)
	if got := rec.Header().Get("X-Auth-User"); got != "ana@northwind.dev" {
		t.Fatalf("X-Auth-User = %q", got)
	}
}

func TestAdminRequiresToken(t *testing.T) {
	_, admin, _ := fixture(t)
	rec := httptest.NewRecorder()
	admin.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/admin/keys", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status %d", rec.Code)
	}
}

func TestRevokeSession(t *testing.T) {
	_, admin, sessions := fixture(t)
	req := httptest.NewRequest(http.MethodDelete, "/admin/sessions/s-1", nil)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	rec := httptest.NewRecorder()
	admin.Routes().ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent || len(sessions.revoked) != 1 {
		t.Fatalf("status %d, revoked %v", rec.Code, sessions.revoked)
	}
}
