module github.com/acme/orders

go 1.22

require (
	github.com/cloudwego/hertz v0.9.1
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.6.0
	github.com/google/uuid v1.6.0
	gopkg.in/yaml.v3 v3.0.1
)
