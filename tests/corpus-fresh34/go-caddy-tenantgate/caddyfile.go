package tenantgate

import (
	"strconv"

	"github.com/caddyserver/caddy/v2"
	"github.com/caddyserver/caddy/v2/caddyconfig/caddyfile"
	"github.com/caddyserver/caddy/v2/caddyconfig/httpcaddyfile"
	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
)

func init() {
	httpcaddyfile.RegisterHandlerDirective("tenant_gate", parseCaddyfile)
	httpcaddyfile.RegisterDirectiveOrder("tenant_gate", httpcaddyfile.Before, "reverse_proxy")
}

// UnmarshalCaddyfile sets up the handler from Caddyfile tokens. Syntax:
//
//	tenant_gate <directory_url> {
//	    directory_key            <key>
//	    cache_ttl                <duration>
//	    quota_file               <path>
//	    audit_log                <path> [max_size_mb]
//	    notify_url               <url>
//	    public_paths             <prefix...>
//	    tls_insecure_skip_verify
//	}
func (g *Gate) UnmarshalCaddyfile(d *caddyfile.Dispenser) error {
	d.Next() // consume directive name
	if !d.NextArg() {
		return d.ArgErr()
	}
	g.DirectoryURL = d.Val()
	if d.NextArg() {
		return d.ArgErr()
	}
	for d.NextBlock(0) {
		switch d.Val() {
		case "directory_key":
			if !d.NextArg() {
				return d.ArgErr()
			}
			g.DirectoryKey = d.Val()
		case "cache_ttl":
			if !d.NextArg() {
				return d.ArgErr()
			}
			dur, err := caddy.ParseDuration(d.Val())
			if err != nil {
				return d.Errf("bad cache_ttl: %v", err)
			}
			g.CacheTTL = caddy.Duration(dur)
		case "quota_file":
			if !d.NextArg() {
				return d.ArgErr()
			}
			g.QuotaFile = d.Val()
		case "audit_log":
			if !d.NextArg() {
				return d.ArgErr()
			}
			g.AuditLog = d.Val()
			if d.NextArg() {
				n, err := strconv.Atoi(d.Val())
				if err != nil || n <= 0 {
					return d.Errf("bad audit_log max size %q", d.Val())
				}
				g.AuditMaxSizeMB = n
			}
		case "notify_url":
			if !d.NextArg() {
				return d.ArgErr()
			}
			g.NotifyURL = d.Val()
		case "public_paths":
			g.PublicPaths = append(g.PublicPaths, d.RemainingArgs()...)
			if len(g.PublicPaths) == 0 {
				return d.ArgErr()
			}
		case "tls_insecure_skip_verify":
			g.TLSInsecureSkipVerify = true
		default:
			return d.Errf("unrecognized subdirective %q", d.Val())
		}
	}
	return nil
}

func parseCaddyfile(h httpcaddyfile.Helper) (caddyhttp.MiddlewareHandler, error) {
	var g Gate
	err := g.UnmarshalCaddyfile(h.Dispenser)
	return &g, err
}
