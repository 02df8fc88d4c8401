module github.com/hubspace/deskbook

go 1.22

require (
	entgo.io/ent v0.13.1
	github.com/go-fuego/fuego v0.15.1
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/jackc/pgx/v5 v5.5.5
	github.com/mattn/go-sqlite3 v1.14.22
	github.com/stretchr/testify v1.9.0
	golang.org/x/crypto v0.22.0
)
