package middleware

import (
	"crypto/subtle"
	"net/http"

	"github.com/northwind-support/helpdesk/database/model"

	"goyave.dev/goyave/v5"
)

// AdminOnly rejects authenticated users that are not administrators.
// It must run after the auth middleware (i.e. on routes with auth.MetaAuth).
type AdminOnly struct {
	goyave.Component
}

func (m *AdminOnly) Handle(next goyave.Handler) goyave.Handler {
	return func(response *goyave.Response, request *goyave.Request) {
		user, ok := request.User.(*model.User)
		if !ok || user.Role != model.RoleAdmin {
			response.Status(http.StatusForbidden)
			return
		}
		next(response, request)
	}
}

// StatsToken guards the internal stats endpoint scraped by the monitoring agent.
type StatsToken struct {
	goyave.Component
}

func (m *StatsToken) Handle(next goyave.Handler) goyave.Handler {
	return func(response *goyave.Response, request *goyave.Request) {
		expected := m.Config().GetString("internal.statsToken")
		presented, _ := request.BearerToken()
		if expected == "" || subtle.ConstantTimeCompare([]byte(presented), []byte(expected)) != 1 {
			response.Status(http.StatusUnauthorized)
			return
		}
		next(response, request)
	}
}
