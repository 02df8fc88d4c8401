package tenantdns

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/coredns/caddy"
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/plugin"
	clog "github.com/coredns/coredns/plugin/pkg/log"
)

const pluginName = "tenantdns"

var log = clog.NewWithPlugin(pluginName)

func init() { plugin.Register(pluginName, setup) }

type config struct {
	zones        []string
	endpoint     string
	apiKey       string
	caFile       string
	serverName   string
	timeout      time.Duration
	refresh      time.Duration
	ttl          uint32
	snapshotPath string
	adminAddr    string
	adminToken   string
	callbackKey  string
	callbackKID  string
	acl          *ACL
}

func defaultConfig() *config {
	apiKey := os.Getenv("TENANTDNS_API_KEY")
	if apiKey == "" {
		apiKey = "trk_live_51c0d9a7e2f84b6c93a1d5e7f0b2c4a6"
	}
	return &config{
		endpoint:     "https://registry.acme.cloud",
		apiKey:       apiKey,
		timeout:      3 * time.Second,
		refresh:      30 * time.Second,
		ttl:          60,
		snapshotPath: "/home/akoval/tenantdns/snapshot.json",
		adminAddr:    "127.0.0.1:8095",
		adminToken:   os.Getenv("TENANTDNS_ADMIN_TOKEN"),
		callbackKey:  os.Getenv("TENANTDNS_CALLBACK_KEY"),
		acl:          NewACL(),
	}
}

func setup(c *caddy.Controller) error {
	cfg, err := parse(c)
	if err != nil {
		return plugin.Error(pluginName, err)
	}

	reg, err := newRegistry(cfg.endpoint, cfg.apiKey, cfg.caFile, cfg.serverName, cfg.timeout)
	if err != nil {
		return plugin.Error(pluginName, err)
	}
	cache := newCache(reg, cfg.refresh)
	t := &TenantDNS{Zones: cfg.zones, cache: cache, acl: cfg.acl, ttl: cfg.ttl}
	adm := newAdmin(cfg, cache)

	c.OnStartup(func() error {
		if n, err := cache.load(cfg.snapshotPath); err != nil {
			log.Warningf("snapshot not loaded: %v", err)
		} else {
			log.Infof("restored %d tenants from snapshot", n)
		}
		cache.start(cfg.snapshotPath)
		return adm.start()
	})
	c.OnShutdown(func() error {
		cache.stop()
		return adm.stop()
	})

	dnsserver.GetConfig(c).AddPlugin(func(next plugin.Handler) plugin.Handler {
		t.Next = next
		return t
	})
	return nil
}

func parse(c *caddy.Controller) (*config, error) {
	cfg := defaultConfig()
	for c.Next() {
		cfg.zones = plugin.OriginsFromArgsOrServerBlock(c.RemainingArgs(), c.ServerBlockKeys)
		for c.NextBlock() {
			prop := c.Val()
			args := c.RemainingArgs()
			switch prop {
			case "endpoint", "api_key", "ca_file", "tls_servername", "snapshot", "admin", "admin_token", "callback_key":
				if len(args) != 1 {
					return nil, c.ArgErr()
				}
				setString(cfg, prop, args[0])
			case "callback_key_id":
				if len(args) != 1 {
					return nil, c.ArgErr()
				}
				cfg.callbackKID = args[0]
			case "timeout", "refresh":
				if len(args) != 1 {
					return nil, c.ArgErr()
				}
				d, err := time.ParseDuration(args[0])
				if err != nil || d <= 0 {
					return nil, c.Errf("invalid %s %q", prop, args[0])
				}
				if prop == "timeout" {
					cfg.timeout = d
				} else {
					cfg.refresh = d
				}
			case "ttl":
				if len(args) != 1 {
					return nil, c.ArgErr()
				}
				ttl, err := strconv.ParseUint(args[0], 10, 32)
				if err != nil || ttl > 86400 {
					return nil, c.Errf("invalid ttl %q", args[0])
				}
				cfg.ttl = uint32(ttl)
			case "allow":
				if err := cfg.acl.AllowGlobal(args...); err != nil {
					return nil, c.Errf("allow: %v", err)
				}
			case "allow_zone":
				if len(args) < 2 {
					return nil, c.ArgErr()
				}
				if err := cfg.acl.AllowZone(plugin.Host(args[0]).NormalizeExact()[0], args[1:]...); err != nil {
					return nil, c.Errf("allow_zone: %v", err)
				}
			default:
				return nil, c.Errf("unknown property %q", prop)
			}
		}
	}
	if cfg.acl.Empty() {
		return nil, fmt.Errorf("at least one allow or allow_zone rule is required")
	}
	if _, _, err := net.SplitHostPort(cfg.adminAddr); err != nil {
		return nil, fmt.Errorf("admin address %q: %v", cfg.adminAddr, err)
	}
	return cfg, nil
}

func setString(cfg *config, prop, value string) {
	switch prop {
	case "endpoint":
		cfg.endpoint = value
	case "api_key":
		cfg.apiKey = value
	case "ca_file":
		cfg.caFile = value
	case "tls_servername":
		cfg.serverName = value
	case "snapshot":
		cfg.snapshotPath = value
	case "admin":
		cfg.adminAddr = value
	case "admin_token":
		cfg.adminToken = value
	case "callback_key":
		cfg.callbackKey = value
	}
}
