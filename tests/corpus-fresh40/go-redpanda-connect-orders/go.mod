module github.com/acme/orders-connect

go 1.22

require (
	github.com/jackc/pgx/v5 v5.7.2
	github.com/redpanda-data/benthos/v4 v4.44.0
	github.com/redpanda-data/connect/v4 v4.46.0
)
