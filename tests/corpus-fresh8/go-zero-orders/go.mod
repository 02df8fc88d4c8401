module github.com/acme-retail/orders-api

go 1.22

require (
	github.com/google/uuid v1.6.0
	github.com/stretchr/testify v1.9.0
	github.com/zeromicro/go-zero v1.6.3
)
