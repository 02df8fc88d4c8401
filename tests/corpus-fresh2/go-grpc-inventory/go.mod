module github.com/acme-retail/inventory

go 1.22

require (
	github.com/aws/aws-sdk-go-v2 v1.24.1
	github.com/aws/aws-sdk-go-v2/config v1.26.6
	github.com/aws/aws-sdk-go-v2/credentials v1.16.16
	github.com/aws/aws-sdk-go-v2/service/sqs v1.29.7
	github.com/jackc/pgx/v5 v5.5.2
	github.com/stretchr/testify v1.8.4
	google.golang.org/grpc v1.61.0
	google.golang.org/protobuf v1.32.0
)
