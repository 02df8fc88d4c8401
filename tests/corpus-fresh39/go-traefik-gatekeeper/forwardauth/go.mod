module github.com/northwind-labs/traefik-gatekeeper/forwardauth

go 1.22

require github.com/redis/go-redis/v9 v9.6.1
