package meshboard

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/hashicorp/vault/sdk/logical"
)

func getTestBackend(t *testing.T) (*backend, logical.Storage) {
	t.Helper()
	config := logical.TestBackendConfig()
	config.StorageView = &logical.InmemStorage{}
	config.System = logical.TestSystemView()
	b, err := Factory(context.Background(), config)
	if err != nil {
		t.Fatalf("factory: %v", err)
	}
	return b.(*backend), config.StorageView
}

func mustWrite(t *testing.T, b *backend, s logical.Storage, path string, data map[string]interface{}) *logical.Response {
	t.Helper()
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation:  logical.UpdateOperation,
		Path:       path,
		Storage:    s,
		Data:       data,
		Connection: &logical.Connection{RemoteAddr: "10.1.2.3"},
	})
	if err != nil || (resp != nil && resp.IsError()) {
		t.Fatalf("write %s: err=%v resp=%#v", path, err, resp)
	}
	return resp
}

// fakeMeshboard records the calls the engine makes.
type fakeMeshboard struct {
	mu      sync.Mutex
	created []string
	deleted []string
	token   string
}

func (f *fakeMeshboard) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v2/keys", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Name string `json:"name"`
		}
		_ = json.NewDecoder(r.Body).Decode(&body)
		f.mu.Lock()
		f.created = append(f.created, body.Name)
		id := "k-" + string(rune('0'+len(f.created)))
		f.mu.Unlock()
		_ = json.NewEncoder(w).Encode(map[string]string{"id": id, "secret": "mbk_test_secret_" + id})
	})
	mux.HandleFunc("/api/v2/keys/", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.deleted = append(f.deleted, r.URL.Path)
		f.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/api/v2/admin/rotate", func(w http.ResponseWriter, r *http.Request) {
		f.token = "rotated-token"
		_ = json.NewEncoder(w).Encode(map[string]string{"token": f.token})
	})
	return mux
}

func TestConfigWriteHidesToken(t *testing.T) {
	b, s := getTestBackend(t)
	mustWrite(t, b, s, "config", map[string]interface{}{
		"url":         "https://meshboard.test",
		"admin_token": "test-admin-token",
	})
	resp, err := b.HandleRequest(context.Background(), &logical.Request{Operation: logical.ReadOperation, Path: "config", Storage: s})
	if err != nil {
		t.Fatal(err)
	}
	if _, leaked := resp.Data["admin_token"]; leaked {
		t.Fatalf("config read returned the admin token: %#v", resp.Data)
	}
	if resp.Data["admin_token_set"] != true {
		t.Fatalf("admin_token_set = %v", resp.Data["admin_token_set"])
	}
}

func TestReplacingTokenNeedsCurrentToken(t *testing.T) {
	b, s := getTestBackend(t)
	mustWrite(t, b, s, "config", map[string]interface{}{"admin_token": "test-admin-token"})
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.UpdateOperation,
		Path:      "config",
		Storage:   s,
		Data:      map[string]interface{}{"admin_token": "attacker", "current_token": "wrong"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !resp.IsError() {
		t.Fatalf("expected an error response, got %#v", resp)
	}
}

func TestRotateRoot(t *testing.T) {
	fake := &fakeMeshboard{}
	srv := httptest.NewServer(fake.handler())
	defer srv.Close()

	b, s := getTestBackend(t)
	mustWrite(t, b, s, "config", map[string]interface{}{"url": srv.URL, "admin_token": "test-admin-token"})
	_, _ = b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.UpdateOperation,
		Path:      "config/rotate-root",
		Storage:   s,
	})
}
