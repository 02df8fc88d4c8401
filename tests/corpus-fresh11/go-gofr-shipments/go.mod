module github.com/acme-logistics/shipments

go 1.22

require (
	github.com/DATA-DOG/go-sqlmock v1.5.2
	github.com/google/uuid v1.6.0
	github.com/jackc/pgx/v5 v5.6.0
	gofr.dev v1.28.0
)
