module github.com/acme-platform/kong-gatekeeper

go 1.22

require (
	github.com/Kong/go-pdk v0.11.0
	github.com/go-chi/chi/v5 v5.1.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.7.1
	github.com/redis/go-redis/v9 v9.6.1
)
