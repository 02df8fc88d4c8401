module github.com/stallwise/payouts

go 1.22

require (
	github.com/dapr/go-sdk v1.11.0
	github.com/go-chi/chi/v5 v5.0.12
	google.golang.org/grpc v1.64.0
)
