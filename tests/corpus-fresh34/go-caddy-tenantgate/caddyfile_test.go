package tenantgate

import (
	"reflect"
	"testing"
	"time"

	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/caddyconfig/caddyfile"
	"github.com/caddyserver/caddy/v2/caddytest"
)

func TestUnmarshalCaddyfile(t *testing.T) {
	d := caddyfile.NewTestDispenser(`
	tenant_gate https://directory.lumen.internal {
		directory_key test-directory-key
		cache_ttl 90s
		quota_file /var/lib/caddy/tenant-gate/quota.json
		audit_log /var/log/caddy/tenant-gate.log 50
		public_paths /status /docs
	}`)
	var g Gate
	if err := g.UnmarshalCaddyfile(d); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	want := Gate{
		DirectoryURL:   "https://directory.lumen.internal",
		DirectoryKey:   "test-directory-key",
		CacheTTL:       caddy.Duration(90 * time.Second),
		QuotaFile:      "/var/lib/caddy/tenant-gate/quota.json",
		AuditLog:       "/var/log/caddy/tenant-gate.log",
		AuditMaxSizeMB: 50,
		PublicPaths:    []string{"/status", "/docs"},
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got %+v\nwant %+v", g, want)
	}
}

func TestUnmarshalRejectsUnknownSubdirective(t *testing.T) {
	d := caddyfile.NewTestDispenser(`tenant_gate https://d.example { shard 3 }`)
	var g Gate
	if err := g.UnmarshalCaddyfile(d); err == nil {
		t.Fatal("expected an error for an unknown subdirective")
	}
}

func TestPublicPathThroughCaddy(t *testing.T) {
	tester := caddytest.NewTester(t)
	tester.InitServer(`
	{
		admin localhost:2999
		http_port 9080
	}
	localhost:9080 {
		tenant_gate https://directory.invalid {
			quota_file /tmp/tenant-gate-test/quota.json
			audit_log /tmp/tenant-gate-test/audit.log
			public_paths /status
		}
		respond /status "up" 200
	}`, "caddyfile")
	tester.AssertGetResponse("http://localhost:9080/status", 200, "up")
}
