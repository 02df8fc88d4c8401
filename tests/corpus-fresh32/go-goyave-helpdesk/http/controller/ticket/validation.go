package ticket

import (
	"goyave.dev/goyave/v5"
	v "goyave.dev/goyave/v5/validation"
)

type IndexQuery struct {
	Status   string `json:"status"`
	Page     int    `json:"page"`
	PageSize int    `json:"pageSize"`
}

type CreateTicket struct {
	Subject  string `json:"subject"`
	Priority string `json:"priority"`
	Message  string `json:"message"`
}

type CreateReply struct {
	Body     string `json:"body"`
	Internal bool   `json:"internal"`
}

type MergeInto struct {
	TargetID uint `json:"targetId"`
}

var statuses = []string{"open", "pending", "solved", "closed"}

func (ctrl *Controller) IndexRequest(_ *goyave.Request) v.RuleSet {
	return v.RuleSet{
		{Path: "status", Rules: v.List{v.String(), v.In(statuses)}},
		{Path: "page", Rules: v.List{v.Int(), v.Min(1)}},
		{Path: "pageSize", Rules: v.List{v.Int(), v.Between(1, 100)}},
	}
}

func (ctrl *Controller) CreateRequest(_ *goyave.Request) v.RuleSet {
	return v.RuleSet{
		{Path: v.CurrentElement, Rules: v.List{v.Object()}},
		{Path: "subject", Rules: v.List{v.Required(), v.String(), v.Max(200)}},
		{Path: "priority", Rules: v.List{v.String(), v.In([]string{"low", "normal", "high", "urgent"})}},
		{Path: "message", Rules: v.List{v.Required(), v.String(), v.Max(20000)}},
	}
}

func (ctrl *Controller) ReplyRequest(_ *goyave.Request) v.RuleSet {
	return v.RuleSet{
		{Path: v.CurrentElement, Rules: v.List{v.Object()}},
		{Path: "body", Rules: v.List{v.Required(), v.String(), v.Max(20000)}},
		{Path: "internal", Rules: v.List{v.Bool()}},
	}
}

func (ctrl *Controller) MergeRequest(_ *goyave.Request) v.RuleSet {
	return v.RuleSet{
		{Path: v.CurrentElement, Rules: v.List{v.Object()}},
		{Path: "targetId", Rules: v.List{v.Required(), v.Uint()}},
	}
}
