module github.com/northwind-billing/billing-worker

go 1.22

require (
	github.com/contribsys/faktory v1.9.0
	github.com/contribsys/faktory_worker_go v1.7.0
	github.com/jessevdk/go-flags v1.6.1
)
