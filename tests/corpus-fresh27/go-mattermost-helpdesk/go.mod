module github.com/northline/mattermost-plugin-helpdesk

go 1.21

require (
	github.com/gorilla/mux v1.8.1
	github.com/mattermost/mattermost/server/public v0.1.4
	github.com/pkg/errors v0.9.1
	github.com/stretchr/testify v1.9.0
)
