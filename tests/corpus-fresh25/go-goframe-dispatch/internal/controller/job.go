package controller

import (
	"context"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"

	v1 "github.com/fieldops/dispatch/api/v1"
	"github.com/fieldops/dispatch/internal/middleware"
	"github.com/fieldops/dispatch/internal/service"
)

type Job struct{}

func NewJob() *Job {
	return &Job{}
}

func requireDispatcher(ctx context.Context) (*middleware.User, error) {
	u := middleware.CurrentUser(ctx)
	if u == nil || (u.Role != "dispatcher" && u.Role != "admin") {
		return nil, gerror.NewCode(gcode.CodeNotAuthorized, "dispatcher role required")
	}
	return u, nil
}

func (c *Job) List(ctx context.Context, req *v1.JobListReq) (res *v1.JobListRes, err error) {
	u := middleware.CurrentUser(ctx)
	var technicianID int64
	if u.Role == "technician" {
		technicianID = u.Id
	}
	list, total, err := service.Job().List(ctx, technicianID, req.Status, req.Page)
	if err != nil {
		return nil, err
	}
	return &v1.JobListRes{List: list, Total: total, Page: req.Page}, nil
}

func (c *Job) Create(ctx context.Context, req *v1.JobCreateReq) (res *v1.JobCreateRes, err error) {
	u, err := requireDispatcher(ctx)
	if err != nil {
		return nil, err
	}
	id, err := service.Job().Create(ctx, service.CreateJobInput{
		CustomerName: req.CustomerName,
		Phone:        req.Phone,
		Address:      req.Address,
		ScheduledAt:  req.ScheduledAt,
		CreatedBy:    u.Id,
	})
	if err != nil {
		return nil, err
	}
	return &v1.JobCreateRes{Id: id}, nil
}

func (c *Job) Assign(ctx context.Context, req *v1.JobAssignReq) (res *v1.JobAssignRes, err error) {
	if _, err = requireDispatcher(ctx); err != nil {
		return nil, err
	}
	err = service.Job().Assign(ctx, req.Id, req.TechnicianId, req.NotifySms)
	return
}

func (c *Job) Complete(ctx context.Context, req *v1.JobCompleteReq) (res *v1.JobCompleteRes, err error) {
	u := middleware.CurrentUser(ctx)
	job, err := service.Job().Get(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if u.Role == "technician" && job.TechnicianId != u.Id {
		return nil, gerror.NewCode(gcode.CodeNotAuthorized, "job is assigned to someone else")
	}
	err = service.Job().Complete(ctx, req.Id, u.Id, req.Notes)
	return
}
