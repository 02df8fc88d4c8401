module clinic

go 1.22

require (
	github.com/goravel/framework v1.15.2
	github.com/stretchr/testify v1.9.0
)
