module github.com/acme/tenant-api

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.5.5
	github.com/labstack/echo/v4 v4.11.4
	github.com/stretchr/testify v1.9.0
)
