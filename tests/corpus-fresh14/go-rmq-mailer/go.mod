module github.com/acme/mailer

go 1.21

require (
	github.com/adjust/rmq/v5 v5.2.0
	github.com/cristalhq/acmd v0.11.2
)
