package auth

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/northbranch/library-api/graph/model"
)

const SessionCookie = "lib_session"

type ctxKey struct{}

// MemberLoader fetches the current member record for a validated session.
type MemberLoader interface {
	MemberByID(ctx context.Context, id string) (*model.Member, error)
}

type Middleware struct {
	signer       *Signer
	members      MemberLoader
	serviceToken string
	log          *slog.Logger
}

func NewMiddleware(signer *Signer, members MemberLoader, serviceToken string, log *slog.Logger) *Middleware {
	return &Middleware{signer: signer, members: members, serviceToken: serviceToken, log: log}
}

func tokenFrom(r *http.Request) string {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer ")
	}
	if c, err := r.Cookie(SessionCookie); err == nil {
		return c.Value
	}
	return ""
}

// Handler attaches the member to the request context when a valid session is
// present. Requests without one continue anonymously; directives decide.
func (m *Middleware) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// the catalogue sync job calls us with a static service token
		if st := r.Header.Get("X-Service-Token"); st != "" && m.serviceToken != "" {
			if st == m.serviceToken {
				svc := &model.Member{ID: "svc-catalogue-sync", Name: "catalogue sync", Role: model.RoleLibrarian}
				next.ServeHTTP(w, r.WithContext(WithMember(r.Context(), svc)))
				return
			}
			http.Error(w, "invalid service token", http.StatusUnauthorized)
			return
		}

		token := tokenFrom(r)
		if token == "" {
			next.ServeHTTP(w, r)
			return
		}
		sess, err := m.signer.Parse(token)
		if err != nil {
			m.log.Debug("rejecting session", "err", err)
			next.ServeHTTP(w, r)
			return
		}
		member, err := m.members.MemberByID(r.Context(), sess.MemberID)
		if err != nil || member == nil {
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithMember(r.Context(), member)))
	})
}

func WithMember(ctx context.Context, m *model.Member) context.Context {
	return context.WithValue(ctx, ctxKey{}, m)
}

func MemberFrom(ctx context.Context) *model.Member {
	m, _ := ctx.Value(ctxKey{}).(*model.Member)
	return m
}
