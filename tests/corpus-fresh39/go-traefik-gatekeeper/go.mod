module github.com/northwind-labs/traefik-gatekeeper

go 1.22
