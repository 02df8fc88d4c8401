module github.com/acme/thumbs

go 1.21

require (
	github.com/aws/aws-sdk-go-v2 v1.24.0
	github.com/aws/aws-sdk-go-v2/config v1.26.1
	github.com/aws/aws-sdk-go-v2/credentials v1.16.12
	github.com/aws/aws-sdk-go-v2/service/s3 v1.47.5
	github.com/disintegration/imaging v1.6.2
	github.com/google/subcommands v1.2.0
	github.com/redis/go-redis/v9 v9.3.1
	github.com/vmihailenco/taskq/v3 v3.2.9
)
