module encore.app

go 1.22

require encore.dev v1.38.4

require (
	github.com/google/go-cmp v0.6.0
	golang.org/x/net v0.26.0
)
