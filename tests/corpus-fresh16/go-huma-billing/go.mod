module github.com/northwind-labs/billingd

go 1.22

require (
	github.com/DATA-DOG/go-sqlmock v1.5.2
	github.com/danielgtaylor/huma/v2 v2.27.0
	github.com/jackc/pgx/v5 v5.7.1
)
