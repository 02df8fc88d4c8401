module github.com/fieldops/dispatch

go 1.22

require (
	github.com/gogf/gf/contrib/drivers/pgsql/v2 v2.7.1
	github.com/gogf/gf/v2 v2.7.1
	github.com/golang-jwt/jwt/v5 v5.2.1
	golang.org/x/crypto v0.23.0
)
