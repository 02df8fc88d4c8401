module github.com/lumenlabs/caddy-tenantgate

go 1.22

require (
	github.com/caddyserver/caddy/v2 v2.8.4
	go.uber.org/zap v1.27.0
)
