package meshboard

import (
	"context"
	"testing"

	"github.com/hashicorp/vault/sdk/logical"
)

func TestRoleWithValidCIDRsIsAccepted(t *testing.T) {
	b, s := getTestBackend(t)
	mustWrite(t, b, s, "roles/deploy", map[string]interface{}{
		"scopes":      "deploys:write",
		"bound_cidrs": "10.0.0.0/8,192.168.10.0/24",
	})
}

func TestRoleRejectsBadCIDR(t *testing.T) {
	b, s := getTestBackend(t)
	resp, err := b.HandleRequest(context.Background(), &logical.Request{
		Operation: logical.CreateOperation,
		Path:      "roles/deploy",
		Storage:   s,
		Data:      map[string]interface{}{"scopes": "deploys:write", "bound_cidrs": "10.0.0.0/33"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp == nil || !resp.IsError() {
		t.Fatalf("expected an error response for an invalid CIDR, got %#v", resp)
	}
}

func TestRoleListReturnsNames(t *testing.T) {
	b, s := getTestBackend(t)
	for _, name := range []string{"ci", "deploy"} {
		mustWrite(t, b, s, "roles/"+name, map[string]interface{}{"scopes": "dashboards:read"})
	}
	resp, err := b.HandleRequest(context.Background(), &logical.Request{Operation: logical.ListOperation, Path: "roles/", Storage: s})
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := resp.Data["keys"].([]string)
	if len(keys) != 2 || keys[0] != "ci" || keys[1] != "deploy" {
		t.Fatalf("keys = %v", keys)
	}
}
