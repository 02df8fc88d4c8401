package tenantdns

import (
	"testing"
	"time"

	"github.com/coredns/caddy"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		corefile  string
		expectErr bool
	}{
		{"minimal", `tenantdns tenants.acme.cloud { allow 10.0.0.0/8 }`, false},
		{"no acl", `tenantdns tenants.acme.cloud { endpoint https://registry.test }`, true},
		{"bad ttl", `tenantdns tenants.acme.cloud { allow 10.0.0.0/8
			ttl forever }`, true},
		{"unknown property", `tenantdns tenants.acme.cloud { allow 10.0.0.0/8
			colour blue }`, true},
		{"bad cidr", `tenantdns tenants.acme.cloud { allow 10.0.0.0/33 }`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse(caddy.NewTestController("dns", tc.corefile))
			if tc.expectErr && err == nil {
				t.Fatal("expected an error")
			}
			if !tc.expectErr && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
		})
	}
}

func TestParseOptions(t *testing.T) {
	c := caddy.NewTestController("dns", `tenantdns tenants.acme.cloud {
		endpoint https://registry.test
		api_key test-key-not-real
		timeout 750ms
		ttl 30
		snapshot /var/lib/coredns/tenantdns.json
		allow 10.0.0.0/8 192.168.1.7
	}`)
	cfg, err := parse(c)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.endpoint != "https://registry.test" || cfg.apiKey != "test-key-not-real" {
		t.Errorf("endpoint/api_key not applied: %+v", cfg)
	}
	if cfg.timeout != 750*time.Millisecond || cfg.ttl != 30 {
		t.Errorf("timeout/ttl not applied: %v %v", cfg.timeout, cfg.ttl)
	}
	if cfg.zones[0] != "tenants.acme.cloud." {
		t.Errorf("zone = %q", cfg.zones[0])
	}
}

func TestParseZoneRules(t *testing.T) {
	c := caddy.NewTestController("dns", `tenantdns tenants.acme.cloud partners.acme.cloud {
		allow_zone tenants.acme.cloud 10.1.0.0/16
		allow_zone partners.acme.cloud 172.20.0.0/16
	}`)
	if _, err := parse(c); err != nil {
		t.Log(err)
	}
}
