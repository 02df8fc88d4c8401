module github.com/northwind-labs/accounts

go 1.22

require (
	connectrpc.com/connect v1.16.2
	github.com/jackc/pgx/v5 v5.6.0
	github.com/stretchr/testify v1.9.0
	golang.org/x/net v0.28.0
	google.golang.org/protobuf v1.34.2
)
