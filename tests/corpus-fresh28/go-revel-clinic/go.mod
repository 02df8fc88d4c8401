module github.com/harbourmed/clinic

go 1.21

require (
	github.com/revel/revel v1.1.0
	golang.org/x/crypto v0.23.0
	gorm.io/driver/postgres v1.5.7
	gorm.io/gorm v1.25.10
)
