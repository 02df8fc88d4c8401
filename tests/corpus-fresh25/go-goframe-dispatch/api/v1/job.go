package v1

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
)

type Job struct {
	Id           int64       `json:"id"`
	CustomerName string      `json:"customerName"`
	Address      string      `json:"address"`
	Status       string      `json:"status"`
	TechnicianId int64       `json:"technicianId"`
	ScheduledAt  *gtime.Time `json:"scheduledAt"`
	CompletedAt  *gtime.Time `json:"completedAt"`
}

type JobListReq struct {
	g.Meta `path:"/jobs" method:"get" tags:"Job" summary:"List jobs visible to the caller"`
	Status string `json:"status" v:"in:open,assigned,in_progress,done"`
	Page   int    `json:"page" d:"1" v:"min:1"`
}

type JobListRes struct {
	List  []Job `json:"list"`
	Total int   `json:"total"`
	Page  int   `json:"page"`
}

type JobCreateReq struct {
	g.Meta       `path:"/jobs" method:"post" tags:"Job" summary:"Create a job"`
	CustomerName string      `json:"customerName" v:"required|length:1,200"`
	Phone        string      `json:"phone" v:"required|phone-loose"`
	Address      string      `json:"address" v:"required"`
	ScheduledAt  *gtime.Time `json:"scheduledAt" v:"required"`
}

type JobCreateRes struct {
	Id int64 `json:"id"`
}

type JobAssignReq struct {
	g.Meta       `path:"/jobs/{id}/assign" method:"post" tags:"Job" summary:"Assign a technician"`
	Id           int64 `json:"id" in:"path" v:"required"`
	TechnicianId int64 `json:"technicianId" v:"required"`
	NotifySms    bool  `json:"notifySms" d:"true"`
}

type JobAssignRes struct{}

type JobCompleteReq struct {
	g.Meta `path:"/jobs/{id}/complete" method:"post" tags:"Job" summary:"Mark a job done"`
	Id     int64  `json:"id" in:"path" v:"required"`
	Notes  string `json:"notes" v:"length:0,2000"`
}

type JobCompleteRes struct{}

type HealthReq struct {
	g.Meta `path:"/healthz" method:"get" tags:"Ops" summary:"Liveness probe"`
}

type HealthRes struct {
	Status string `json:"status"`
}

type LoginReq struct {
	g.Meta   `path:"/auth/login" method:"post" tags:"Auth" summary:"Exchange credentials for a token"`
	Email    string `json:"email" v:"required|email"`
	Password string `json:"password" v:"required"`
}

type LoginRes struct {
	Token string `json:"token"`
}
