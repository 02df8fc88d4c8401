module github.com/acme/orders

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/stretchr/testify v1.9.0
)
