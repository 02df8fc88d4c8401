module github.com/acme/inventory

go 1.22

require (
	github.com/DATA-DOG/go-sqlmock v1.5.2
	github.com/go-kratos/kratos/v2 v2.8.2
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/lib/pq v1.10.9
)

require (
	github.com/go-kratos/aegis v0.2.0 // indirect
	github.com/go-playground/form/v4 v4.2.1 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/gorilla/mux v1.8.1 // indirect
	golang.org/x/sync v0.7.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20240528184218-531527333157 // indirect
	google.golang.org/grpc v1.64.0 // indirect
	google.golang.org/protobuf v1.34.1 // indirect
)
