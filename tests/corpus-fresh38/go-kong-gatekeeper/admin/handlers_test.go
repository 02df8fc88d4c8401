package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const (
	testAdminToken   = "test-admin-token-0123456789abcdef0123"
	testServiceToken = "test-service-token-0123456789abcdef01"
)

type fakeStore struct {
	keys   map[string]KeyRecord
	audits []string
}

func newFakeStore() *fakeStore {
	return &fakeStore{keys: map[string]KeyRecord{
		"k1": {ID: "k1", ConsumerID: "c1", Prefix: "gk_abcdefgh", Hash: "deadbeef", Status: "active", CreatedAt: time.Unix(0, 0)},
	}}
}

func (f *fakeStore) ListConsumers(context.Context) ([]Consumer, error) {
	return []Consumer{{ID: "c1", Name: "billing"}}, nil
}

func (f *fakeStore) CreateConsumer(_ context.Context, name string) (Consumer, error) {
	return Consumer{ID: "c2", Name: name}, nil
}

func (f *fakeStore) InsertKey(_ context.Context, consumerID, prefix, hash string) (KeyRecord, error) {
	k := KeyRecord{ID: "k2", ConsumerID: consumerID, Prefix: prefix, Hash: hash, Status: "active"}
	f.keys[k.ID] = k
	return k, nil
}

func (f *fakeStore) KeyByPrefix(_ context.Context, prefix string) (KeyRecord, error) {
	for _, k := range f.keys {
		if k.Prefix == prefix {
			return k, nil
		}
	}
	return KeyRecord{}, ErrNotFound
}

func (f *fakeStore) SetKeyStatus(_ context.Context, id, status string) error {
	k, ok := f.keys[id]
	if !ok {
		return ErrNotFound
	}
	k.Status = status
	f.keys[id] = k
	return nil
}

func (f *fakeStore) AllKeys(context.Context) ([]KeyRecord, error) {
	out := make([]KeyRecord, 0, len(f.keys))
	for _, k := range f.keys {
		out = append(out, k)
	}
	return out, nil
}

func (f *fakeStore) Audit(_ context.Context, actor, action, subject string) error {
	f.audits = append(f.audits, actor+" "+action+" "+subject)
	return nil
}

func newTestServer(t *testing.T) (*httptest.Server, *fakeStore) {
	t.Helper()
	store := newFakeStore()
	cfg := config{AdminToken: testAdminToken, ServiceToken: testServiceToken, ExportDir: t.TempDir()}
	h := &Handlers{store: store, exportDir: cfg.ExportDir, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	srv := httptest.NewServer(newRouter(cfg, h))
	t.Cleanup(srv.Close)
	return srv, store
}

func call(t *testing.T, srv *httptest.Server, method, path, token, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func assertStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("%s %s: status %d, want %d (%s)", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, want, b)
	}
}

func TestLookupRequiresServiceToken(t *testing.T) {
	srv, _ := newTestServer(t)
	assertStatus(t, call(t, srv, http.MethodGet, "/v1/keys/lookup/gk_abcdefgh", "", ""), http.StatusUnauthorized)
	assertStatus(t, call(t, srv, http.MethodGet, "/v1/keys/lookup/gk_abcdefgh", testServiceToken, ""), http.StatusOK)
}

func TestAdminRoutesRejectServiceToken(t *testing.T) {
	srv, _ := newTestServer(t)
	routes := []struct{ method, path string }{
		{http.MethodGet, "/v1/admin/consumers"},
		{http.MethodPost, "/v1/admin/consumers"},
		{http.MethodPost, "/v1/admin/consumers/c1/keys"},
		{http.MethodDelete, "/v1/admin/keys/k1"},
		{http.MethodPost, "/v1/admin/exports"},
	}
	for _, rt := range routes {
		resp := call(t, srv, rt.method, rt.path, testServiceToken, "{}")
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s %s with the service token: %d", rt.method, rt.path, resp.StatusCode)
		}
	}
}

func TestRevokeKeyMarksItRevoked(t *testing.T) {
	srv, store := newTestServer(t)
	assertStatus(t, call(t, srv, http.MethodDelete, "/v1/admin/keys/k1", testAdminToken, ""), http.StatusNoContent)
	if store.keys["k1"].Status != "revoked" {
		t.Fatalf("status = %q", store.keys["k1"].Status)
	}
	if len(store.audits) != 1 || !strings.Contains(store.audits[0], "key.revoked k1") {
		t.Fatalf("audits = %v", store.audits)
	}
}
