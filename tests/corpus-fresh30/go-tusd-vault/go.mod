module github.com/northdocs/vault

go 1.22

require (
	github.com/aws/aws-sdk-go-v2 v1.30.3
	github.com/aws/aws-sdk-go-v2/config v1.27.27
	github.com/aws/aws-sdk-go-v2/service/s3 v1.58.2
	github.com/tus/tusd/v2 v2.4.0
	modernc.org/sqlite v1.31.1
)
