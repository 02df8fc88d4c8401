module github.com/quaywise/notify

go 1.22

require (
	github.com/DATA-DOG/go-sqlmock v1.5.2
	github.com/hibiken/asynq v0.24.1
	github.com/lib/pq v1.10.9
	github.com/peterbourgon/ff/v3 v3.4.0
	github.com/stretchr/testify v1.9.0
)
