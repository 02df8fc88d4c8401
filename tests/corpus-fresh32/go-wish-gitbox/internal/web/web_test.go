package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/log"

	"github.com/lattice-labs/gitbox/internal/store"
)

func newTestServer(t *testing.T) (*Server, *store.Store) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "gitbox.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &Server{Store: st, RepoRoot: filepath.Join(dir, "repos"), CIHookSecret: []byte("ci-secret-for-tests"), Logger: log.New(io.Discard)}, st
}

func sign(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

func expectStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rec.Code, want, rec.Body.String())
	}
}

func TestCIStatusRejectsBadSignature(t *testing.T) {
	s, _ := newTestServer(t)
	body := []byte(`{"repo":"demo","commit":"abc","state":"success"}`)
	req := httptest.NewRequest(http.MethodPost, "/hooks/ci", bytes.NewReader(body))
	req.Header.Set("X-CI-Signature", sign([]byte("wrong"), body))
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, req)
	expectStatus(t, rec, http.StatusUnauthorized)
}

func TestCIStatusAcceptsSignedCallback(t *testing.T) {
	s, _ := newTestServer(t)
	body := []byte(`{"repo":"demo","commit":"abc","state":"success"}`)
	req := httptest.NewRequest(http.MethodPost, "/hooks/ci", bytes.NewReader(body))
	req.Header.Set("X-CI-Signature", sign(s.CIHookSecret, body))
	rec := httptest.NewRecorder()
	s.Routes().ServeHTTP(rec, req)
	expectStatus(t, rec, http.StatusNoContent)
}

func TestPrivateArchiveNeedsDeployToken(t *testing.T) {
	s, st := newTestServer(t)
	ctx := context.Background()
	if err := st.AddUser(ctx, "test", "alice", store.RoleMember); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateRepo(ctx, "alice", "secret-sauce", true); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewTLSServer(s.Routes())
	defer ts.Close()
	// ts.Client() trusts the test server's own certificate.
	resp, err := ts.Client().Get(ts.URL + "/api/repos/secret-sauce/archive.tar.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("status = %d, want 403", resp.StatusCode)
	}
}
