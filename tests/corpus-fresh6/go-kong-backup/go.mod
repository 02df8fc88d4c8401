module github.com/acme/backupctl

go 1.22

require (
	github.com/alecthomas/kong v0.9.0
	github.com/minio/minio-go/v7 v7.0.70
)
