// Package tenantdns answers for tenant service names (svc.tenant.<zone>) from the
// tenant registry, for client networks on its allow list.
package tenantdns

import (
	"context"
	"net"
	"strings"

	"github.com/coredns/coredns/plugin"
	"github.com/coredns/coredns/plugin/metrics"
	"github.com/coredns/coredns/request"
	"github.com/miekg/dns"
)

// Names under this label answer TXT diagnostics about the tenant.
const debugLabel = "_tenantdns-debug."

type TenantDNS struct {
	Next  plugin.Handler
	Zones []string

	cache *Cache
	acl   *ACL
	ttl   uint32
}

// tenantOf returns the label directly left of the zone: "api.blue.tenants.acme.cloud." -> "blue".
func tenantOf(qname, zone string) string {
	rest := strings.TrimSuffix(strings.TrimSuffix(qname, zone), ".")
	if i := strings.LastIndexByte(rest, '.'); i >= 0 {
		return rest[i+1:]
	}
	return rest
}

func (t *TenantDNS) ServeDNS(ctx context.Context, w dns.ResponseWriter, r *dns.Msg) (int, error) {
	state := request.Request{W: w, Req: r}
	qname := state.Name()
	zone := plugin.Zones(t.Zones).Matches(qname)
	if zone == "" {
		return plugin.NextOrFailure(t.Name(), t.Next, ctx, w, r)
	}
	server := metrics.WithServer(ctx)

	if strings.HasPrefix(qname, debugLabel) && state.QType() == dns.TypeTXT {
		return t.serveDebug(w, r, strings.TrimPrefix(qname, debugLabel), zone)
	}

	if !t.acl.Allowed(net.ParseIP(state.IP()), zone) {
		requestCount.WithLabelValues(server, "refused").Inc()
		m := new(dns.Msg)
		m.SetRcode(r, dns.RcodeRefused)
		w.WriteMsg(m)
		return dns.RcodeRefused, nil
	}

	tenant := tenantOf(qname, zone)
	answers, known := t.cache.Lookup(tenant, qname, state.QType(), t.ttl)
	m := new(dns.Msg)
	m.SetReply(r)
	m.Authoritative = true
	if !known {
		requestCount.WithLabelValues(server, "nxdomain").Inc()
		m.Rcode = dns.RcodeNameError
		m.Ns = []dns.RR{t.soa(zone)}
		w.WriteMsg(m)
		return dns.RcodeNameError, nil
	}
	m.Answer = answers
	if len(answers) == 0 {
		m.Ns = []dns.RR{t.soa(zone)}
	}
	requestCount.WithLabelValues(server, "ok").Inc()
	// The client may have gone away; CoreDNS plugins leave that to the server's logging.
	w.WriteMsg(m)
	return dns.RcodeSuccess, nil
}

func (t *TenantDNS) serveDebug(w dns.ResponseWriter, r *dns.Msg, name, zone string) (int, error) {
	tenant := tenantOf(name, zone)
	m := new(dns.Msg)
	m.SetReply(r)
	for _, line := range t.cache.DebugInfo(tenant) {
		m.Answer = append(m.Answer, &dns.TXT{
			Hdr: dns.RR_Header{Name: r.Question[0].Name, Rrtype: dns.TypeTXT, Class: dns.ClassINET, Ttl: 0},
			Txt: []string{line},
		})
	}
	w.WriteMsg(m)
	return dns.RcodeSuccess, nil
}

func (t *TenantDNS) soa(zone string) dns.RR {
	return &dns.SOA{
		Hdr:     dns.RR_Header{Name: zone, Rrtype: dns.TypeSOA, Class: dns.ClassINET, Ttl: t.ttl},
		Ns:      "ns1." + zone,
		Mbox:    "hostmaster." + zone,
		Serial:  1,
		Refresh: 3600,
		Retry:   600,
		Expire:  86400,
		Minttl:  t.ttl,
	}
}

func (t *TenantDNS) Name() string { return pluginName }
