package tenantdns

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/miekg/dns"
)

type override struct {
	ip      net.IP
	expires time.Time
}

type Cache struct {
	reg     *Registry
	refresh time.Duration

	mu          sync.RWMutex
	tenants     map[string][]Record
	overrides   map[string]override
	lastRefresh time.Time

	cancel context.CancelFunc
	done   chan struct{}
}

func newCache(reg *Registry, refresh time.Duration) *Cache {
	return &Cache{
		reg:       reg,
		refresh:   refresh,
		tenants:   map[string][]Record{},
		overrides: map[string]override{},
	}
}

func (c *Cache) put(tenant string, records []Record) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tenants[tenant] = records
	tenantsCached.Set(float64(len(c.tenants)))
}

func (c *Cache) refreshOnce(ctx context.Context) error {
	tenants, err := c.reg.FetchAll(ctx)
	if err != nil {
		return err
	}
	next := make(map[string][]Record, len(tenants))
	for _, t := range tenants {
		next[t.ID] = t.Records
	}
	c.mu.Lock()
	c.tenants = next
	c.lastRefresh = time.Now()
	c.mu.Unlock()
	tenantsCached.Set(float64(len(next)))
	return nil
}

func (c *Cache) start(snapshot string) {
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.done = make(chan struct{})
	go func() {
		defer close(c.done)
		ticker := time.NewTicker(c.refresh)
		defer ticker.Stop()
		for {
			if err := c.refreshOnce(ctx); err != nil {
				refreshErrors.Inc()
				log.Warningf("refresh failed, serving cached records: %v", err)
			} else {
				_ = c.persist(snapshot)
			}
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}()
}

func (c *Cache) stop() {
	if c.cancel != nil {
		c.cancel()
		<-c.done
	}
}

// Invalidate refetches one tenant now instead of waiting for the next refresh.
func (c *Cache) Invalidate(tenant string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	t, err := c.reg.FetchTenant(ctx, tenant)
	if err != nil {
		return err
	}
	c.put(tenant, t.Records)
	return nil
}

func (c *Cache) Flush() {
	c.mu.Lock()
	c.tenants = map[string][]Record{}
	c.mu.Unlock()
	tenantsCached.Set(0)
}

func (c *Cache) SetOverride(name string, ip net.IP, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.overrides[dns.Fqdn(strings.ToLower(name))] = override{ip: ip, expires: time.Now().Add(ttl)}
}

func (c *Cache) Lookup(tenant, qname string, qtype uint16, ttl uint32) ([]dns.RR, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	hdr := func(rrtype uint16) dns.RR_Header {
		return dns.RR_Header{Name: qname, Rrtype: rrtype, Class: dns.ClassINET, Ttl: ttl}
	}
	if o, ok := c.overrides[qname]; ok && time.Now().Before(o.expires) && qtype == dns.TypeA {
		return []dns.RR{&dns.A{Hdr: hdr(dns.TypeA), A: o.ip}}, true
	}
	records, ok := c.tenants[tenant]
	if !ok {
		return nil, false
	}
	var out []dns.RR
	for _, rec := range records {
		if dns.Fqdn(rec.Name) != qname {
			continue
		}
		switch {
		case rec.Type == "A" && qtype == dns.TypeA:
			if ip := net.ParseIP(rec.Value).To4(); ip != nil {
				out = append(out, &dns.A{Hdr: hdr(dns.TypeA), A: ip})
			}
		case rec.Type == "AAAA" && qtype == dns.TypeAAAA:
			if ip := net.ParseIP(rec.Value); ip != nil && ip.To4() == nil {
				out = append(out, &dns.AAAA{Hdr: hdr(dns.TypeAAAA), AAAA: ip})
			}
		case rec.Type == "TXT" && qtype == dns.TypeTXT:
			out = append(out, &dns.TXT{Hdr: hdr(dns.TypeTXT), Txt: []string{rec.Value}})
		}
	}
	return out, true
}

func (c *Cache) DebugInfo(tenant string) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	info := []string{
		"registry=" + c.reg.Endpoint(),
		"last_refresh=" + c.lastRefresh.UTC().Format(time.RFC3339),
		fmt.Sprintf("tenants=%d", len(c.tenants)),
	}
	for _, rec := range c.tenants[tenant] {
		info = append(info, fmt.Sprintf("%s %s %s", rec.Name, rec.Type, rec.Value))
	}
	return info
}

func (c *Cache) persist(path string) error {
	c.mu.RLock()
	data, err := json.Marshal(c.tenants)
	c.mu.RUnlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func (c *Cache) load(path string) (int, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	tenants := map[string][]Record{}
	if err := json.Unmarshal(data, &tenants); err != nil {
		return 0, err
	}
	c.mu.Lock()
	c.tenants = tenants
	c.mu.Unlock()
	tenantsCached.Set(float64(len(tenants)))
	return len(tenants), nil
}
