module github.com/dkrylov/vault

go 1.22

require (
	github.com/wailsapp/wails/v2 v2.9.1
	github.com/zalando/go-keyring v0.2.5
	go.etcd.io/bbolt v1.3.10
	golang.org/x/crypto v0.24.0
	golang.org/x/oauth2 v0.21.0
)
