// Package auth authenticates micro requests from request headers.
//
// Customers and staff send "Authorization: Bearer <JWT>" issued by the identity service.
// The box-office gateway calls on behalf of walk-up customers with X-Service-Token.
package auth

import (
	"errors"
	"fmt"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/nats-io/nats.go/micro"
)

type Role string

const (
	RoleCustomer Role = "customer"
	RoleStaff    Role = "staff"
	RoleAdmin    Role = "admin"

	headerAuthorization = "Authorization"
	headerServiceToken  = "X-Service-Token"
)

var rank = map[Role]int{RoleCustomer: 0, RoleStaff: 1, RoleAdmin: 2}

type Identity struct {
	Subject string
	Role    Role
	Service bool
}

// Anonymous is passed to handlers of public endpoints.
var Anonymous = Identity{Subject: "anonymous"}

type claims struct {
	Role Role `json:"role"`
	jwt.RegisteredClaims
}

type Authenticator struct {
	secret       []byte
	issuer       string
	serviceToken string
}

func New(secret, issuer, serviceToken string) *Authenticator {
	return &Authenticator{secret: []byte(secret), issuer: issuer, serviceToken: serviceToken}
}

var errUnauthenticated = errors.New("missing or invalid credentials")

func (a *Authenticator) Identify(h micro.Headers) (Identity, error) {
	if tok := h.Get(headerServiceToken); tok != "" {
		if tok != a.serviceToken {
			return Identity{}, errUnauthenticated
		}
		return Identity{Subject: "box-office", Role: RoleStaff, Service: true}, nil
	}

	raw, ok := strings.CutPrefix(h.Get(headerAuthorization), "Bearer ")
	if !ok || raw == "" {
		return Identity{}, errUnauthenticated
	}
	var c claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return a.secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(a.issuer),
		jwt.WithExpirationRequired(),
	)
	if err != nil {
		return Identity{}, fmt.Errorf("%w: %v", errUnauthenticated, err)
	}
	if _, known := rank[c.Role]; !known {
		return Identity{}, fmt.Errorf("%w: unknown role %q", errUnauthenticated, c.Role)
	}
	return Identity{Subject: c.Subject, Role: c.Role}, nil
}

// Require wraps a handler so it runs only for callers holding at least the given role.
func (a *Authenticator) Require(role Role, next func(micro.Request, Identity)) micro.HandlerFunc {
	return func(req micro.Request) {
		id, err := a.Identify(req.Headers())
		if err != nil {
			// A failed error reply means the requester already gave up; nothing more to do.
			_ = req.Error("401", err.Error(), nil)
			return
		}
		if rank[id.Role] < rank[role] {
			_ = req.Error("403", fmt.Sprintf("requires role %s", role), nil)
			return
		}
		next(req, id)
	}
}
