module github.com/acme/helpdesk

go 1.22

require (
	github.com/jackc/pgx/v5 v5.5.5
	github.com/kataras/iris/v12 v12.2.10
	golang.org/x/crypto v0.21.0
)
