package server

import (
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"github.com/lattice-labs/gitbox/internal/auth"
)

// RequireUser stops sessions whose authentication did not resolve to a known user.
func RequireUser() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(s ssh.Session) {
			if auth.UserFrom(s.Context()) == nil {
				wish.Fatalln(s, "unknown user")
				return
			}
			next(s)
		}
	}
}

// RequireRole only lets sessions of users with the given role through.
func RequireRole(role string) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(s ssh.Session) {
			if u := auth.UserFrom(s.Context()); u == nil || u.Role != role {
				wish.Fatalln(s, "permission denied")
				return
			}
			next(s)
		}
	}
}
