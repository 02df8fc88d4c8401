package graph

import (
	"log/slog"

	"github.com/northbranch/library-api/internal/auth"
	"github.com/northbranch/library-api/internal/isbn"
	"github.com/northbranch/library-api/internal/store"
)

// This file will not be regenerated automatically.
//
// It serves as dependency injection for your app, add any dependencies you require here.

type Resolver struct {
	Store  *store.Store
	Signer *auth.Signer
	ISBN   *isbn.Client
	Log    *slog.Logger
}
