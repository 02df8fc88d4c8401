module github.com/acme/orders-api

go 1.22

require (
	github.com/gofiber/fiber/v2 v2.52.4
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/stretchr/testify v1.9.0
)
