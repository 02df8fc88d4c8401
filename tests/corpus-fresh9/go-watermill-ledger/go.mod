module github.com/tallyhq/ledger-worker

go 1.22

require (
	github.com/IBM/sarama v1.43.3
	github.com/ThreeDotsLabs/watermill v1.3.7
	github.com/ThreeDotsLabs/watermill-kafka/v3 v3.0.5
	github.com/alexflint/go-arg v1.5.1
)
