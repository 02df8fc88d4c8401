module github.com/northbranch/library-api

go 1.22

require (
	github.com/99designs/gqlgen v0.17.45
	github.com/go-chi/chi/v5 v5.0.12
	github.com/jackc/pgx/v5 v5.5.5
	github.com/stretchr/testify v1.9.0
	github.com/vektah/gqlparser/v2 v2.5.11
	golang.org/x/crypto v0.21.0
)
