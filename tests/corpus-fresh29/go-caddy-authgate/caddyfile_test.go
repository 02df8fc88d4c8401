package authgate

import (
	"testing"

	"github.com/caddyserver/caddy/v2/caddyconfig/caddyfile"
)

func TestUnmarshalCaddyfile(t *testing.T) {
	d := caddyfile.NewTestDispenser(`authgate {
		store /var/lib/caddy/authgate/tokens.json
		signing_key {env.AUTHGATE_SIGNING_KEY}
		bypass /healthz /.well-known/acme-challenge/
		require_scope api
		introspect https://id.larchmont.example/oauth2/introspect gateway {env.AUTHGATE_CLIENT_SECRET}
	}`)
	var a AuthGate
	if err := a.UnmarshalCaddyfile(d); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if a.StorePath != "/var/lib/caddy/authgate/tokens.json" {
		t.Errorf("store = %q", a.StorePath)
	}
	if len(a.Bypass) != 2 || a.Bypass[1] != "/.well-known/acme-challenge/" {
		t.Errorf("bypass = %v", a.Bypass)
	}
	if a.ClientID != "gateway" || a.RequireScope != "api" {
		t.Errorf("introspect client = %q, scope = %q", a.ClientID, a.RequireScope)
	}
}

func TestUnmarshalRejectsUnknownOption(t *testing.T) {
	d := caddyfile.NewTestDispenser(`authgate {
		allow_everyone
	}`)
	var a AuthGate
	if err := a.UnmarshalCaddyfile(d); err == nil {
		t.Fatal("expected an error for an unknown option")
	}
}
