module github.com/togglr-dev/togglr

go 1.22

require (
	github.com/go-faster/errors v0.7.1
	github.com/go-faster/jx v1.1.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/ogen-go/ogen v1.2.2
	github.com/oschwald/geoip2-golang v1.11.0
)
