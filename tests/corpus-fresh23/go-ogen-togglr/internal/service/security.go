package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5"

	"github.com/togglr-dev/togglr/api"
)

type role int

const (
	roleViewer role = iota + 1
	roleEditor
	roleAdmin
)

var rolesByName = map[string]role{"viewer": roleViewer, "editor": roleEditor, "admin": roleAdmin}

type principal struct {
	Subject  string
	Role     role
	Projects []string
}

type sdkPrincipal struct {
	ProjectID string
	Env       string
}

type ctxKey int

const (
	principalKey ctxKey = iota
	sdkKey
)

func principalFrom(ctx context.Context) (principal, bool) {
	p, ok := ctx.Value(principalKey).(principal)
	return p, ok
}

func sdkFrom(ctx context.Context) (sdkPrincipal, bool) {
	p, ok := ctx.Value(sdkKey).(sdkPrincipal)
	return p, ok
}

type claims struct {
	jwt.RegisteredClaims
	Role     string   `json:"role"`
	Projects []string `json:"projects"`
}

// Security implements api.SecurityHandler.
type Security struct {
	store  Store
	key    []byte
	issuer string
	log    *slog.Logger
}

var _ api.SecurityHandler = (*Security)(nil)

func NewSecurity(store Store, key []byte, issuer string, log *slog.Logger) *Security {
	return &Security{store: store, key: key, issuer: issuer, log: log}
}

func (s *Security) HandleBearerAuth(ctx context.Context, op api.OperationName, t api.BearerAuth) (context.Context, error) {
	var c claims
	_, err := jwt.ParseWithClaims(t.Token, &c, func(*jwt.Token) (any, error) { return s.key, nil },
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithIssuer(s.issuer),
		jwt.WithExpirationRequired(),
	)
	if err != nil {
		s.log.DebugContext(ctx, "bearer token rejected", "op", op, "err", err)
		return ctx, errUnauthorized
	}
	r, ok := rolesByName[c.Role]
	if !ok {
		return ctx, errUnauthorized
	}
	return context.WithValue(ctx, principalKey, principal{Subject: c.Subject, Role: r, Projects: c.Projects}), nil
}

// HandleApiKey authenticates server-side SDKs. Keys look like tgl_<prefix>_<secret>;
// only sha256(secret) is stored.
func (s *Security) HandleApiKey(ctx context.Context, op api.OperationName, t api.ApiKey) (context.Context, error) {
	rest, ok := strings.CutPrefix(t.APIKey, "tgl_")
	if !ok {
		return ctx, errUnauthorized
	}
	prefix, secret, ok := strings.Cut(rest, "_")
	if !ok || secret == "" {
		return ctx, errUnauthorized
	}
	key, err := s.store.SDKKeyByPrefix(ctx, prefix)
	if errors.Is(err, pgx.ErrNoRows) {
		return ctx, errUnauthorized
	}
	if err != nil {
		return ctx, fmt.Errorf("lookup sdk key: %w", err)
	}
	sum := sha256.Sum256([]byte(secret))
	if hex.EncodeToString(sum[:]) != key.SecretHash {
		return ctx, errUnauthorized
	}
	return context.WithValue(ctx, sdkKey, sdkPrincipal{ProjectID: key.ProjectID, Env: key.Env}), nil
}
