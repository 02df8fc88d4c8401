package authgate

import (
	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/caddyconfig/caddyfile"
	"github.com/caddyserver/caddy/v2/caddyconfig/httpcaddyfile"
	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
)

func init() {
	httpcaddyfile.RegisterHandlerDirective("authgate", parseAuthGate)
	httpcaddyfile.RegisterDirectiveOrder("authgate", httpcaddyfile.Before, "reverse_proxy")
	httpcaddyfile.RegisterHandlerDirective("authgate_portal", parsePortal)
	httpcaddyfile.RegisterDirectiveOrder("authgate_portal", httpcaddyfile.Before, "authgate")
}

func parseAuthGate(h httpcaddyfile.Helper) (caddyhttp.MiddlewareHandler, error) {
	var a AuthGate
	err := a.UnmarshalCaddyfile(h.Dispenser)
	return &a, err
}

func parsePortal(h httpcaddyfile.Helper) (caddyhttp.MiddlewareHandler, error) {
	var p Portal
	err := p.UnmarshalCaddyfile(h.Dispenser)
	return &p, err
}

// UnmarshalCaddyfile sets up the handler from Caddyfile tokens:
//
//	authgate {
//	    store          <path>
//	    signing_key    <key>
//	    realm          <name>
//	    bypass         <prefix...>
//	    require_scope  <scope>
//	    introspect     <url> <client_id> <client_secret>
//	    legacy_basic   <user> <password>
//	    audit_log      <path>
//	}
func (a *AuthGate) UnmarshalCaddyfile(d *caddyfile.Dispenser) error {
	d.Next() // directive name
	if d.NextArg() {
		return d.ArgErr()
	}
	for d.NextBlock(0) {
		switch d.Val() {
		case "store":
			if !d.AllArgs(&a.StorePath) {
				return d.ArgErr()
			}
		case "signing_key":
			if !d.AllArgs(&a.SigningKey) {
				return d.ArgErr()
			}
		case "realm":
			if !d.AllArgs(&a.Realm) {
				return d.ArgErr()
			}
		case "bypass":
			args := d.RemainingArgs()
			if len(args) == 0 {
				return d.ArgErr()
			}
			a.Bypass = append(a.Bypass, args...)
		case "require_scope":
			if !d.AllArgs(&a.RequireScope) {
				return d.ArgErr()
			}
		case "introspect":
			if !d.AllArgs(&a.IntrospectURL, &a.ClientID, &a.ClientSecret) {
				return d.ArgErr()
			}
		case "legacy_basic":
			if !d.AllArgs(&a.LegacyUser, &a.LegacyPassword) {
				return d.ArgErr()
			}
		case "audit_log":
			if !d.AllArgs(&a.AuditLog) {
				return d.ArgErr()
			}
		default:
			return d.Errf("unrecognized authgate option %q", d.Val())
		}
	}
	return nil
}

// UnmarshalCaddyfile for the portal: store, signing_key, session_ttl and
// one "user <name> <bcrypt-hash>" line per user.
func (p *Portal) UnmarshalCaddyfile(d *caddyfile.Dispenser) error {
	d.Next()
	for d.NextBlock(0) {
		switch d.Val() {
		case "store":
			if !d.AllArgs(&p.StorePath) {
				return d.ArgErr()
			}
		case "signing_key":
			if !d.AllArgs(&p.SigningKey) {
				return d.ArgErr()
			}
		case "session_ttl":
			if !d.NextArg() {
				return d.ArgErr()
			}
			dur, err := caddy.ParseDuration(d.Val())
			if err != nil {
				return d.Errf("session_ttl: %v", err)
			}
			p.SessionTTL = caddy.Duration(dur)
		case "user":
			var name, hash string
			if !d.AllArgs(&name, &hash) {
				return d.ArgErr()
			}
			if p.Users == nil {
				p.Users = map[string]string{}
			}
			p.Users[name] = hash
		default:
			return d.Errf("unrecognized authgate_portal option %q", d.Val())
		}
	}
	return nil
}

var (
	_ caddyfile.Unmarshaler = (*AuthGate)(nil)
	_ caddyfile.Unmarshaler = (*Portal)(nil)
)
