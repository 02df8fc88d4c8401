module github.com/acme/mediaworker

go 1.22

require (
	github.com/DavidGamba/go-getoptions v0.29.0
	github.com/RichardKnop/machinery/v2 v2.0.13
	github.com/aws/aws-sdk-go-v2 v1.25.2
	github.com/aws/aws-sdk-go-v2/credentials v1.17.4
	github.com/aws/aws-sdk-go-v2/service/s3 v1.51.1
	github.com/disintegration/imaging v1.6.2
	github.com/stretchr/testify v1.9.0
)
