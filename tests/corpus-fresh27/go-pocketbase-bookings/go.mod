module github.com/harbourdesk/bookings

go 1.22

require (
	github.com/pocketbase/dbx v1.11.0
	github.com/pocketbase/pocketbase v0.23.4
	github.com/stretchr/testify v1.9.0
)
