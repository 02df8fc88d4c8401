package service

import (
	"context"
	"errors"
	"log/slog"

	"connectrpc.com/connect"

	accountsv1 "github.com/northwind-labs/accounts/gen/accounts/v1"
	"github.com/northwind-labs/accounts/internal/auth"
	"github.com/northwind-labs/accounts/internal/notify"
	"github.com/northwind-labs/accounts/internal/store"
)

type AccountService struct {
	store  *store.Store
	notify *notify.Client
	log    *slog.Logger
}

func NewAccountService(s *store.Store, n *notify.Client, log *slog.Logger) *AccountService {
	return &AccountService{store: s, notify: n, log: log}
}

func toProto(a store.Account) *accountsv1.Account {
	return &accountsv1.Account{Id: a.ID, OrgId: a.OrgID, Email: a.Email, Status: a.Status}
}

func (s *AccountService) ListAccounts(ctx context.Context, req *connect.Request[accountsv1.ListAccountsRequest]) (*connect.Response[accountsv1.ListAccountsResponse], error) {
	size := int(req.Msg.GetPageSize())
	if size <= 0 || size > 500 {
		size = 100
	}
	accounts, err := s.store.ListAccounts(ctx, req.Msg.GetOrgId(), size, req.Msg.GetIncludeClosed())
	if err != nil {
		s.log.ErrorContext(ctx, "list accounts", "err", err)
		return nil, connect.NewError(connect.CodeInternal, errors.New("could not list accounts"))
	}
	out := make([]*accountsv1.Account, 0, len(accounts))
	for _, a := range accounts {
		out = append(out, toProto(a))
	}
	return connect.NewResponse(&accountsv1.ListAccountsResponse{Accounts: out}), nil
}

func (s *AccountService) GetAccount(ctx context.Context, req *connect.Request[accountsv1.GetAccountRequest]) (*connect.Response[accountsv1.Account], error) {
	a, err := s.store.GetAccount(ctx, req.Msg.GetId())
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, connect.NewError(connect.CodeNotFound, err)
	case err != nil:
		return nil, connect.NewError(connect.CodeInternal, err)
	}
	return connect.NewResponse(toProto(*a)), nil
}

func (s *AccountService) CloseAccount(ctx context.Context, req *connect.Request[accountsv1.CloseAccountRequest]) (*connect.Response[accountsv1.CloseAccountResponse], error) {
	p, _ := auth.FromContext(ctx)
	a, err := s.store.GetAccount(ctx, req.Msg.GetId())
	if err != nil {
		return nil, connect.NewError(connect.CodeNotFound, err)
	}
	if err := s.store.CloseAccount(ctx, a.ID); err != nil {
		return nil, connect.NewError(connect.CodeInternal, err)
	}
	_ = s.store.RecordAudit(ctx, p.Subject, "account.close", a.ID)
	if err := s.notify.AccountClosed(a.ID, a.Email); err != nil {
		// the CRM sync job reconciles closed accounts nightly; don't fail the RPC
		s.log.WarnContext(ctx, "crm notification failed", "account", a.ID, "err", err)
	}
	return connect.NewResponse(&accountsv1.CloseAccountResponse{}), nil
}
