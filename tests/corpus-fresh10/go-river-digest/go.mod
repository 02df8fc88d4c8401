module github.com/acme/digest

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/mitchellh/cli v1.1.5
	github.com/riverqueue/river v0.11.4
	github.com/riverqueue/river/riverdriver/riverpgxv5 v0.11.4
)
