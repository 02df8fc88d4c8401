module github.com/acme/invoices-api

go 1.22

require (
	github.com/jackc/pgx/v5 v5.7.1
	github.com/julienschmidt/httprouter v1.3.0
	github.com/stretchr/testify v1.9.0
)
