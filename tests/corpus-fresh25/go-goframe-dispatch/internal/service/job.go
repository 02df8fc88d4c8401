// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "github.com/fieldops/dispatch/api/v1"
)

type CreateJobInput struct {
	CustomerName string
	Phone        string
	Address      string
	ScheduledAt  *gtime.Time
	ExternalRef  string
	CreatedBy    int64
}

type (
	IJob interface {
		List(ctx context.Context, technicianID int64, status string, page int) (list []v1.Job, total int, err error)
		Get(ctx context.Context, jobID int64) (*v1.Job, error)
		Create(ctx context.Context, in CreateJobInput) (int64, error)
		Assign(ctx context.Context, jobID int64, technicianID int64, notifySms bool) error
		Complete(ctx context.Context, jobID int64, actorID int64, notes string) error
		Summary(ctx context.Context, from *gtime.Time, to *gtime.Time) (completed int, revenue float64, byTechnician []g.Map, err error)
	}
)

var (
	localJob IJob
)

func Job() IJob {
	if localJob == nil {
		panic("implement not found for interface IJob, forgot register?")
	}
	return localJob
}

func RegisterJob(i IJob) {
	localJob = i
}
