// Command gatekeeper is a Kong plugin server (go-pdk) that authenticates
// requests per route with API keys, HMAC signatures or JWTs and rate-limits
// them per consumer.
package main

import (
	"github.com/Kong/go-pdk/server"
)

const (
	Version  = "1.6.2"
	Priority = 1010
)

func main() {
	server.StartServer(New, Version, Priority)
}
