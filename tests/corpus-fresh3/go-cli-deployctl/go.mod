module github.com/acme/deployctl

go 1.21

require (
	github.com/stretchr/testify v1.8.4
	github.com/urfave/cli/v2 v2.26.0
	gopkg.in/yaml.v3 v3.0.1
)
