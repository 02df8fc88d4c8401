module github.com/acme-cloud/coredns-tenantdns

go 1.22

require (
	github.com/coredns/caddy v1.1.1
	github.com/coredns/coredns v1.11.3
	github.com/miekg/dns v1.1.61
	github.com/prometheus/client_golang v1.19.1
)
