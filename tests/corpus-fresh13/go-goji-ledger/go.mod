module github.com/acme/ledger

go 1.21

require (
	github.com/jackc/pgx/v5 v5.5.1
	github.com/urfave/negroni v1.0.0
	goji.io v2.0.2+incompatible
)
