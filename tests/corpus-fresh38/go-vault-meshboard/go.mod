module github.com/meshboard/vault-plugin-secrets-meshboard

go 1.22

require (
	github.com/hashicorp/go-hclog v1.6.3
	github.com/hashicorp/vault/api v1.14.0
	github.com/hashicorp/vault/sdk v0.13.0
)
