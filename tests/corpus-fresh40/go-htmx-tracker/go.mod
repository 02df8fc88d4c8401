module github.com/northwind/tracker

go 1.22

require (
	github.com/gorilla/securecookie v1.1.2
	github.com/jackc/pgx/v5 v5.7.2
	golang.org/x/crypto v0.32.0
)
