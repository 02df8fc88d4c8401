package tenantdns

import (
	"context"
	"testing"
	"time"

	"github.com/coredns/coredns/plugin/pkg/dnstest"
	"github.com/coredns/coredns/plugin/test"
	"github.com/miekg/dns"
)

// test.ResponseWriter reports its client as 10.240.0.1.
func newTestPlugin(t *testing.T, allow string) *TenantDNS {
	t.Helper()
	acl := NewACL()
	if err := acl.AllowGlobal(allow); err != nil {
		t.Fatal(err)
	}
	cache := newCache(nil, time.Minute)
	cache.put("blue", []Record{
		{Name: "api.blue.tenants.acme.cloud", Type: "A", Value: "10.20.0.5"},
		{Name: "api.blue.tenants.acme.cloud", Type: "TXT", Value: "owner=blue"},
	})
	return &TenantDNS{Zones: []string{"tenants.acme.cloud."}, cache: cache, acl: acl, ttl: 60, Next: test.ErrorHandler()}
}

func TestServeDNSAnswers(t *testing.T) {
	p := newTestPlugin(t, "10.240.0.0/16")
	tc := test.Case{
		Qname: "api.blue.tenants.acme.cloud.", Qtype: dns.TypeA,
		Answer: []dns.RR{test.A("api.blue.tenants.acme.cloud. 60 IN A 10.20.0.5")},
	}
	rec := dnstest.NewRecorder(&test.ResponseWriter{})
	if _, err := p.ServeDNS(context.Background(), rec, tc.Msg()); err != nil {
		t.Fatal(err)
	}
	if err := test.SortAndCheck(rec.Msg, tc); err != nil {
		t.Error(err)
	}
}

func TestServeDNSUnknownTenant(t *testing.T) {
	p := newTestPlugin(t, "10.240.0.0/16")
	rec := dnstest.NewRecorder(&test.ResponseWriter{})
	m := new(dns.Msg)
	m.SetQuestion("api.green.tenants.acme.cloud.", dns.TypeA)
	code, _ := p.ServeDNS(context.Background(), rec, m)
	if code != dns.RcodeNameError || rec.Msg.Rcode != dns.RcodeNameError {
		t.Fatalf("rcode = %d/%d, want NXDOMAIN", code, rec.Msg.Rcode)
	}
}

func TestServeDNSRefusesOutsideACL(t *testing.T) {
	p := newTestPlugin(t, "172.16.0.0/12")
	rec := dnstest.NewRecorder(&test.ResponseWriter{})
	m := new(dns.Msg)
	m.SetQuestion("api.blue.tenants.acme.cloud.", dns.TypeA)
	p.ServeDNS(context.Background(), rec, m)
	if rec.Rcode != dns.RcodeRefused {
		t.Fatalf("rcode = %d, want REFUSED", rec.Rcode)
	}
}

func TestServeDNSPassesOtherZones(t *testing.T) {
	p := newTestPlugin(t, "10.240.0.0/16")
	rec := dnstest.NewRecorder(&test.ResponseWriter{})
	m := new(dns.Msg)
	m.SetQuestion("example.org.", dns.TypeA)
	if _, err := p.ServeDNS(context.Background(), rec, m); err == nil {
		t.Fatal("expected the next plugin's error")
	}
}
