module github.com/acme-retail/shipments-worker

go 1.22

require (
	github.com/spf13/pflag v1.0.5
	github.com/stretchr/testify v1.9.0
	go.temporal.io/sdk v1.26.1
)
