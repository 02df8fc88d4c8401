module github.com/acme/notifier

go 1.22

require (
	github.com/DATA-DOG/go-sqlmock v1.5.2
	github.com/integrii/flaggy v1.5.2
	github.com/jackc/pgx/v5 v5.6.0
	github.com/nats-io/nats.go v1.37.0
)

require (
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20240606120523-5a60cdf6a761 // indirect
	github.com/klauspost/compress v1.17.9 // indirect
	github.com/nats-io/nkeys v0.4.7 // indirect
	github.com/nats-io/nuid v1.0.1 // indirect
	golang.org/x/crypto v0.26.0 // indirect
	golang.org/x/sys v0.24.0 // indirect
	golang.org/x/text v0.17.0 // indirect
)
