module github.com/northwind/digestd

go 1.22

require (
	github.com/gocraft/work v0.5.1
	github.com/gomodule/redigo v1.9.2
	github.com/jackc/pgx/v5 v5.5.5
	github.com/stretchr/testify v1.9.0
)
