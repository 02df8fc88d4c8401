package service

import (
	"context"
	"log/slog"

	"connectrpc.com/connect"

	accountsv1 "github.com/northwind-labs/accounts/gen/accounts/v1"
	"github.com/northwind-labs/accounts/gen/accounts/v1/accountsv1connect"
	"github.com/northwind-labs/accounts/internal/store"
)

// AdminService exposes operator-only RPCs.
type AdminService struct {
	accountsv1connect.UnimplementedAdminServiceHandler
	store *store.Store
	log   *slog.Logger
}

func NewAdminService(s *store.Store, log *slog.Logger) *AdminService {
	return &AdminService{store: s, log: log}
}

func (s *AdminService) ForceCloseAccount(ctx context.Context, req *connect.Request[accountsv1.ForceCloseAccountRequest]) (*connect.Response[accountsv1.ForceCloseAccountResponse], error) {
	if err := s.store.CloseAccount(ctx, req.Msg.GetId()); err != nil {
		return nil, connect.NewError(connect.CodeInternal, err)
	}
	if err := s.store.RecordAudit(ctx, "operator", "account.force_close", req.Msg.GetId()); err != nil {
		s.log.ErrorContext(ctx, "audit write failed", "err", err)
		return nil, connect.NewError(connect.CodeInternal, err)
	}
	return connect.NewResponse(&accountsv1.ForceCloseAccountResponse{}), nil
}

func (s *AdminService) ExportAuditLog(ctx context.Context, req *connect.Request[accountsv1.ExportAuditLogRequest]) (*connect.Response[accountsv1.ExportAuditLogResponse], error) {
	panic("TODO: stream audit rows to GCS and return signed URL")
}
