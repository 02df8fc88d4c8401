package logic

import (
	"context"
	"errors"

	"github.com/acme-retail/orders-api/internal/config"
	"github.com/acme-retail/orders-api/internal/svc"
	"github.com/acme-retail/orders-api/internal/types"

	"github.com/zeromicro/go-zero/core/logx"
)

type ExportLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

func NewExportLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ExportLogic {
	return &ExportLogic{Logger: logx.WithContext(ctx), ctx: ctx, svcCtx: svcCtx}
}

// ExportOrders writes a CSV of orders created in [From, To) into the export directory.
func (l *ExportLogic) ExportOrders(req *types.ExportOrdersReq) (*types.ExportOrdersResp, error) {
	dir := l.svcCtx.Config.ExportDir
	if dir == "" {
		dir = config.DefaultExportDir
	}
	l.Infof("export requested from=%s to=%s dir=%s", req.From, req.To, dir)
	return nil, errors.New("export not implemented")
}
