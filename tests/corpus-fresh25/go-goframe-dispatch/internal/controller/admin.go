package controller

import (
	"context"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"

	v1 "github.com/fieldops/dispatch/api/v1"
	"github.com/fieldops/dispatch/internal/service"
)

type Technician struct{}

func NewTechnician() *Technician {
	return &Technician{}
}

func (c *Technician) List(ctx context.Context, req *v1.TechnicianListReq) (res *v1.TechnicianListRes, err error) {
	res = &v1.TechnicianListRes{}
	m := g.DB().Model("technician").Ctx(ctx).OrderAsc("name")
	if req.Region != "" {
		m = m.Where("region", req.Region)
	}
	err = m.Scan(&res.List)
	return
}

func (c *Technician) Deactivate(ctx context.Context, req *v1.TechnicianDeactivateReq) (res *v1.TechnicianDeactivateRes, err error) {
	_, err = g.DB().Model("technician").Ctx(ctx).Data(g.Map{"active": false}).Where("id", req.Id).Update()
	if err != nil {
		g.Log().Errorf(ctx, "deactivate technician %d: %v", req.Id, err)
		return nil, err
	}
	return &v1.TechnicianDeactivateRes{}, nil
}

type Report struct{}

func NewReport() *Report {
	return &Report{}
}

func (c *Report) Summary(ctx context.Context, req *v1.ReportSummaryReq) (res *v1.ReportSummaryRes, err error) {
	if req.To.Before(req.From) {
		return nil, gerror.NewCode(gcode.CodeInvalidParameter, "to must not be before from")
	}
	completed, revenue, byTech, err := service.Job().Summary(ctx, req.From, req.To)
	if err != nil {
		return nil, err
	}
	return &v1.ReportSummaryRes{JobsCompleted: completed, Revenue: revenue, ByTechnician: byTech}, nil
}

func (c *Report) Export(ctx context.Context, req *v1.ReportExportReq) (res *v1.ReportExportRes, err error) {
	return nil, gerror.NewCode(gcode.CodeNotImplemented, "CSV export is not available yet")
}
