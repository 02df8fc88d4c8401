module github.com/acme/notesd

go 1.22

require (
	github.com/jackc/pgx/v5 v5.5.4
	github.com/uptrace/bunrouter v1.0.21
	github.com/uptrace/bunrouter/extra/reqlog v1.0.21
)
