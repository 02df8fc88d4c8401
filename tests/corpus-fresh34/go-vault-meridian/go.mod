module github.com/lumenlabs/vault-plugin-secrets-meridian

go 1.22

require (
	github.com/hashicorp/go-hclog v1.6.3
	github.com/hashicorp/vault/sdk v0.13.0
	github.com/stretchr/testify v1.9.0
)
