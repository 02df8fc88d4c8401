package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"

	"github.com/northbranch/library-api/graph/generated"
	"github.com/northbranch/library-api/graph/model"
	"github.com/northbranch/library-api/internal/auth"
)

var (
	ErrUnauthenticated = errors.New("unauthenticated")
	ErrForbidden       = errors.New("forbidden")
)

var roleRank = map[model.Role]int{
	model.RoleMember:    1,
	model.RoleLibrarian: 2,
	model.RoleAdmin:     3,
}

func roleAtLeast(have, want model.Role) bool {
	return roleRank[have] >= roleRank[want]
}

// Directives wires the schema directives; passed to generated.Config in main.
func Directives() generated.DirectiveRoot {
	return generated.DirectiveRoot{
		Auth: func(ctx context.Context, obj interface{}, next graphql.Resolver) (interface{}, error) {
			if auth.MemberFrom(ctx) == nil {
				return nil, ErrUnauthenticated
			}
			return next(ctx)
		},
		HasRole: func(ctx context.Context, obj interface{}, next graphql.Resolver, role model.Role) (interface{}, error) {
			member := auth.MemberFrom(ctx)
			if member == nil {
				return nil, ErrUnauthenticated
			}
			if !roleAtLeast(member.Role, role) {
				return nil, ErrForbidden
			}
			return next(ctx)
		},
	}
}
