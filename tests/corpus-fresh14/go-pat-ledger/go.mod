module github.com/acme/ledger-api

go 1.21

require (
	github.com/bmizerany/pat v0.0.0-20210406213842-e4b6760bdd6f
	github.com/jackc/pgx/v5 v5.5.1
	github.com/justinas/alice v1.2.0
	github.com/stretchr/testify v1.8.4
)
