module github.com/harbourline/ticketsvc

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/nats-io/nats-server/v2 v2.10.16
	github.com/nats-io/nats.go v1.36.0
)
