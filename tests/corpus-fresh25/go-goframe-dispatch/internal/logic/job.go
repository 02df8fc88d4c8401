package logic

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "github.com/fieldops/dispatch/api/v1"
	"github.com/fieldops/dispatch/internal/service"
)

const pageSize = 20

type sJob struct {
	sms *smsClient
}

func init() {
	service.RegisterJob(&sJob{sms: newSMSClient()})
}

func (s *sJob) List(ctx context.Context, technicianID int64, status string, page int) (list []v1.Job, total int, err error) {
	m := g.DB().Model("job").Ctx(ctx).
		Fields("id, customer_name, address, status, technician_id, scheduled_at, completed_at").
		OrderDesc("scheduled_at")
	if technicianID > 0 {
		m = m.Where("technician_id", technicianID)
	}
	err = m.Page(page, pageSize).ScanAndCount(&list, &total, false)
	return
}

func (s *sJob) Get(ctx context.Context, jobID int64) (*v1.Job, error) {
	var job *v1.Job
	if err := g.DB().Model("job").Ctx(ctx).Where("id", jobID).Scan(&job); err != nil {
		return nil, err
	}
	if job == nil {
		return nil, gerror.NewCodef(gcode.CodeNotFound, "job %d not found", jobID)
	}
	return job, nil
}

func (s *sJob) Create(ctx context.Context, in service.CreateJobInput) (int64, error) {
	return g.DB().Model("job").Ctx(ctx).Data(g.Map{
		"customer_name": in.CustomerName,
		"phone":         in.Phone,
		"address":       in.Address,
		"scheduled_at":  in.ScheduledAt,
		"external_ref":  in.ExternalRef,
		"created_by":    in.CreatedBy,
		"status":        "open",
	}).InsertAndGetId()
}

func (s *sJob) Assign(ctx context.Context, jobID int64, technicianID int64, notifySms bool) error {
	var tech struct {
		Name  string
		Phone string
	}
	err := g.DB().Model("technician").Ctx(ctx).Where("id", technicianID).Where("active", true).Scan(&tech)
	if err != nil {
		return err
	}
	if tech.Phone == "" {
		return gerror.NewCodef(gcode.CodeInvalidParameter, "technician %d is not active", technicianID)
	}
	_, err = g.DB().Model("job").Ctx(ctx).
		Data(g.Map{"technician_id": technicianID, "status": "assigned"}).
		Where("id", jobID).
		WhereIn("status", g.Slice{"open", "assigned"}).
		Update()
	if err != nil {
		return gerror.Wrapf(err, "assign job %d", jobID)
	}
	if notifySms {
		if err := s.sms.Send(ctx, tech.Phone, g.NewVar(jobID).String()+": new job assigned to you"); err != nil {
			g.Log().Warningf(ctx, "assignment SMS for job %d not delivered: %v", jobID, err)
		}
	}
	return nil
}

func (s *sJob) Complete(ctx context.Context, jobID int64, actorID int64, notes string) error {
	return g.DB().Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		res, err := tx.Model("job").Ctx(ctx).
			Data(g.Map{"status": "done", "completed_at": gtime.Now(), "notes": notes}).
			Where("id", jobID).
			WhereIn("status", g.Slice{"assigned", "in_progress"}).
			Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return gerror.NewCodef(gcode.CodeInvalidOperation, "job %d is not assigned", jobID)
		}
		_, _ = tx.Model("job_audit").Ctx(ctx).Insert(g.Map{
			"job_id":   jobID,
			"actor_id": actorID,
			"action":   "complete",
		})
		return nil
	})
}

func (s *sJob) Summary(ctx context.Context, from *gtime.Time, to *gtime.Time) (completed int, revenue float64, byTechnician []g.Map, err error) {
	base := g.DB().Model("job").Ctx(ctx).
		Where("status", "done").
		WhereBetween("completed_at", from, to)
	if completed, err = base.Clone().Count(); err != nil {
		return
	}
	sum, err := base.Clone().Sum("price")
	if err != nil {
		return
	}
	revenue = sum
	rows, err := base.Clone().
		Fields("technician_id, count(*) AS jobs, sum(price) AS revenue").
		Group("technician_id").
		All()
	if err != nil {
		return
	}
	byTechnician = rows.List()
	return
}
