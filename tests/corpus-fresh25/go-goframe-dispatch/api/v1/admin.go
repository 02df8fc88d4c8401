package v1

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

type Technician struct {
	Id     int64  `json:"id"`
	Name   string `json:"name"`
	Phone  string `json:"phone"`
	Region string `json:"region"`
	Active bool   `json:"active"`
}

type TechnicianListReq struct {
	g.Meta `path:"/technicians" method:"get" tags:"Admin" summary:"List technicians"`
	Region string `json:"region"`
}

type TechnicianListRes struct {
	List []Technician `json:"list"`
}

type TechnicianDeactivateReq struct {
	g.Meta `path:"/technicians/{id}" method:"delete" tags:"Admin" summary:"Deactivate a technician"`
	Id     int64 `json:"id" in:"path" v:"required"`
}

type TechnicianDeactivateRes struct{}

type ReportSummaryReq struct {
	g.Meta `path:"/summary" method:"get" tags:"Reports" summary:"Revenue and completion summary"`
	From   *gtime.Time `json:"from" v:"required"`
	To     *gtime.Time `json:"to" v:"required"`
}

type ReportSummaryRes struct {
	JobsCompleted int     `json:"jobsCompleted"`
	Revenue       float64 `json:"revenue"`
	ByTechnician  []g.Map `json:"byTechnician"`
}

type ReportExportReq struct {
	g.Meta `path:"/export" method:"post" tags:"Reports" summary:"Export jobs as CSV"`
	From   *gtime.Time `json:"from" v:"required"`
	To     *gtime.Time `json:"to" v:"required"`
}

type ReportExportRes struct {
	File string `json:"file"`
}

type PartnerJobHookReq struct {
	g.Meta      `path:"/hooks/partner/jobs" method:"post" tags:"Hooks" summary:"Job created by a partner portal"`
	ExternalRef string      `json:"externalRef" v:"required"`
	Customer    string      `json:"customer" v:"required"`
	Phone       string      `json:"phone"`
	Address     string      `json:"address" v:"required"`
	ScheduledAt *gtime.Time `json:"scheduledAt"`
}

type PartnerJobHookRes struct {
	Id int64 `json:"id"`
}
