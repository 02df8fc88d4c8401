module github.com/acme/billing-desk-mcp

go 1.23

require (
	github.com/mark3labs/mcp-go v0.36.0
	go.etcd.io/bbolt v1.4.0
)
