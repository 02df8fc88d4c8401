package api

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tus/tusd/v2/pkg/handler"

	"github.com/northdocs/vault/internal/audit"
	"github.com/northdocs/vault/internal/auth"
	"github.com/northdocs/vault/internal/uploads"
)

const testToken = "tok_0123456789abcdef0123456789abcdef"

type nopBackend struct{}

func (nopBackend) GetUpload(context.Context, string) (handler.Upload, error) {
	return nil, handler.ErrNotFound
}
func (nopBackend) AsTerminatableUpload(handler.Upload) handler.TerminatableUpload { return nil }

func newServer(t *testing.T) *Server {
	t.Helper()
	reg, err := uploads.OpenRegistry(filepath.Join(t.TempDir(), "registry.db"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_700_000_000, 0)
	return &Server{
		Tokens:   auth.NewTokens(map[string]string{testToken: "ana"}),
		Registry: reg,
		Backend:  nopBackend{},
		Signer:   &Signer{Key: []byte("0123456789abcdef0123456789abcdef"), BaseURL: "https://vault.test", TTL: time.Minute, Now: func() time.Time { return now }},
		Audit:    audit.Nop{},
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func expectStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rec.Code, want, rec.Body.String())
	}
}

func TestAPIRequiresToken(t *testing.T) {
	h := newServer(t).Routes(nil)
	tests := []struct {
		name   string
		method string
		path   string
		token  string
		want   int
	}{
		{"list without token", "GET", "/api/uploads", "", http.StatusUnauthorized},
		{"list with token", "GET", "/api/uploads", testToken, http.StatusOK},
		{"delete without token", "DELETE", "/api/uploads/abc", "", http.StatusUnauthorized},
		{"unknown upload", "GET", "/api/uploads/nope", testToken, http.StatusNotFound},
		{"health is open", "GET", "/healthz", "", http.StatusNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			expectStatus(t, rec, tt.want)
		})
	}
}

func TestListUploads(t *testing.T) {
	s := newServer(t)
	for _, id := range []string{"u1", "u2"} {
		if err := s.Registry.Put(context.Background(), uploads.Record{ID: id, Owner: "ana", Filename: id + ".pdf", MimeType: "application/pdf", CreatedAt: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	req := httptest.NewRequest("GET", "/api/uploads?limit=10", nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	s.Routes(nil).ServeHTTP(httptest.NewRecorder(), req)
}

func TestSignedLinks(t *testing.T) {
	s := newServer(t)
	link := s.Signer.URL("u1")
	exp := strings.Split(strings.Split(link, "exp=")[1], "&")[0]
	sig := strings.Split(link, "sig=")[1]

	if !s.Signer.Valid("u1", exp, sig) {
		t.Fatal("fresh link rejected")
	}
	if s.Signer.Valid("u2", exp, sig) {
		t.Fatal("link accepted for another upload")
	}
	s.Signer.Now = func() time.Time { return time.Unix(1_800_000_000, 0) }
	if s.Signer.Valid("u1", exp, sig) {
		t.Fatal("expired link accepted")
	}
}

func TestHealthzOverTLS(t *testing.T) {
	ts := httptest.NewTLSServer(newServer(t).Routes(nil))
	defer ts.Close()

	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := client.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("status %d", resp.StatusCode)
	}
}
