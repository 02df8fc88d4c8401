module github.com/riverside-readers/bookclub

go 1.22

require (
	github.com/alexedwards/scs/mysqlstore v0.0.0-20240316134038-7e11d57e8885
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/go-playground/form/v4 v4.2.1
	github.com/go-sql-driver/mysql v1.8.1
	github.com/julienschmidt/httprouter v1.3.0
	github.com/justinas/alice v1.2.0
	github.com/justinas/nosurf v1.1.1
	golang.org/x/crypto v0.24.0
)

require filippo.io/edwards25519 v1.1.0 // indirect
