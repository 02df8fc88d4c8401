module github.com/ledgerline/billing

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	go-micro.dev/v4 v4.10.2
)
