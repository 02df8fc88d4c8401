module github.com/acme/tickets

go 1.21

require (
	github.com/gorilla/mux v1.8.1
	github.com/jackc/pgx/v5 v5.5.0
	github.com/stretchr/testify v1.8.4
)
