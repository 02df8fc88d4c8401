package model

import (
	"time"

	"gorm.io/gorm"
)

const (
	RoleCustomer = "customer"
	RoleAgent    = "agent"
	RoleAdmin    = "admin"
)

type User struct {
	gorm.Model
	Email    string `gorm:"uniqueIndex;not null" auth:"username"`
	Password string `gorm:"not null" json:"-" auth:"password"`
	Name     string `gorm:"not null"`
	Role     string `gorm:"not null;default:customer"`
}

type Ticket struct {
	gorm.Model
	Subject     string `gorm:"not null"`
	Status      string `gorm:"not null;default:open;index"`
	Priority    string `gorm:"not null;default:normal"`
	RequesterID uint   `gorm:"not null;index"`
	Requester   *User
	AssigneeID  *uint `gorm:"index"`
	Assignee    *User
	LastReplyAt time.Time
	Replies     []Reply
}

type Reply struct {
	gorm.Model
	TicketID uint   `gorm:"not null;index"`
	AuthorID uint   `gorm:"not null"`
	Body     string `gorm:"type:text;not null"`
	Internal bool   `gorm:"not null;default:false"`
}

type AuditEntry struct {
	ID        uint `gorm:"primaryKey"`
	ActorID   *uint
	Action    string `gorm:"not null"`
	TicketID  *uint
	Detail    string
	CreatedAt time.Time
}
