module github.com/tallyhouse/inventory

go 1.22

require (
	github.com/getkin/kin-openapi v0.125.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/oapi-codegen/nethttp-middleware v1.0.2
	github.com/oapi-codegen/runtime v1.1.1
	github.com/stretchr/testify v1.9.0
)
