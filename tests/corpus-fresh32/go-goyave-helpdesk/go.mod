module github.com/northwind-support/helpdesk

go 1.22

require (
	github.com/stretchr/testify v1.9.0
	golang.org/x/crypto v0.24.0
	gorm.io/driver/postgres v1.5.9
	gorm.io/gorm v1.25.10
	goyave.dev/goyave/v5 v5.1.1
)
