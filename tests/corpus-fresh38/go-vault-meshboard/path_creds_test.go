package meshboard

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/hashicorp/vault/sdk/logical"
)

func setupCreds(t *testing.T) (*backend, logical.Storage, *fakeMeshboard) {
	t.Helper()
	fake := &fakeMeshboard{}
	srv := httptest.NewServer(fake.handler())
	t.Cleanup(srv.Close)
	b, s := getTestBackend(t)
	mustWrite(t, b, s, "config", map[string]interface{}{"url": srv.URL, "admin_token": "test-admin-token"})
	mustWrite(t, b, s, "roles/ci", map[string]interface{}{
		"scopes":      "dashboards:read,alerts:write",
		"ttl":         600,
		"bound_cidrs": "10.1.0.0/16",
	})
	return b, s, fake
}

func TestCredsIssueAndRevoke(t *testing.T) {
	b, s, fake := setupCreds(t)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation:  logical.ReadOperation,
		Path:       "creds/ci",
		Storage:    s,
		Connection: &logical.Connection{RemoteAddr: "10.1.7.7"},
	})
	if err != nil || resp.IsError() {
		t.Fatalf("issue: err=%v resp=%#v", err, resp)
	}
	if resp.Data["api_key"] == "" || resp.Secret == nil {
		t.Fatalf("no key in response: %#v", resp)
	}
	if got := resp.Secret.TTL.Seconds(); got != 600 {
		t.Fatalf("ttl = %v, want 600", got)
	}

	req := &logical.Request{Operation: logical.RevokeOperation, Storage: s, Secret: resp.Secret}
	if _, err := b.HandleRequest(context.Background(), req); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if len(fake.deleted) != 1 {
		t.Fatalf("deleted = %v", fake.deleted)
	}
}

func TestCredsOutsideBoundCIDRIsDenied(t *testing.T) {
	b, s, fake := setupCreds(t)
	_, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation:  logical.ReadOperation,
		Path:       "creds/ci",
		Storage:    s,
		Connection: &logical.Connection{RemoteAddr: "192.0.2.10"},
	})
	if err != logical.ErrPermissionDenied {
		t.Fatalf("err = %v, want permission denied", err)
	}
	if len(fake.created) != 0 {
		t.Fatalf("a key was created: %v", fake.created)
	}
}

func TestRoleNeedsScopes(t *testing.T) {
	b, s := getTestBackend(t)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.CreateOperation,
		Path:      "roles/empty",
		Storage:   s,
		Data:      map[string]interface{}{"ttl": 60},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp == nil || !resp.IsError() {
		t.Fatalf("expected error response, got %#v", resp)
	}
}
