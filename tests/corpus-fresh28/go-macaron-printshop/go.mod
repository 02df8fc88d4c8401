module github.com/inkwell/printshop

go 1.22

require (
	github.com/go-macaron/binding v1.2.0
	github.com/go-macaron/csrf v0.0.0-20200329073418-5d38f39de352
	github.com/go-macaron/session v1.0.3
	github.com/jackc/pgx/v5 v5.6.0
	github.com/urfave/cli/v2 v2.27.2
	golang.org/x/crypto v0.24.0
	gopkg.in/macaron.v1 v1.5.0
)
