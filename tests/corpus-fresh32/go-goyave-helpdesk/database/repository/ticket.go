package repository

import (
	"context"
	"errors"
	"time"

	"github.com/northwind-support/helpdesk/database/model"
	"gorm.io/gorm"
)

type Ticket struct {
	DB *gorm.DB
}

func NewTicket(db *gorm.DB) *Ticket {
	return &Ticket{DB: db}
}

func (r *Ticket) Index(ctx context.Context, requester *model.User, status string, page, pageSize int) ([]*model.Ticket, error) {
	var tickets []*model.Ticket
	db := r.DB.WithContext(ctx).Preload("Requester").Order("last_reply_at DESC")
	if requester.Role == model.RoleCustomer {
		db = db.Where("requester_id = ?", requester.ID)
	}
	if status != "" {
		db = db.Where("status = ?", status)
	}
	err := db.Offset((page - 1) * pageSize).Limit(pageSize).Find(&tickets).Error
	return tickets, err
}

func (r *Ticket) First(ctx context.Context, id uint, withInternal bool) (*model.Ticket, error) {
	var ticket model.Ticket
	err := r.DB.WithContext(ctx).
		Preload("Requester").
		Preload("Replies", func(db *gorm.DB) *gorm.DB {
			if !withInternal {
				db = db.Where("internal = ?", false)
			}
			return db.Order("created_at ASC")
		}).
		First(&ticket, id).Error
	return &ticket, err
}

func (r *Ticket) Create(ctx context.Context, ticket *model.Ticket, firstMessage string) error {
	return r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		ticket.LastReplyAt = time.Now()
		if err := tx.Create(ticket).Error; err != nil {
			return err
		}
		return tx.Create(&model.Reply{TicketID: ticket.ID, AuthorID: ticket.RequesterID, Body: firstMessage}).Error
	})
}

// AddReply appends a reply; internal replies are agent notes hidden from the requester.
func (r *Ticket) AddReply(ctx context.Context, ticketID, authorID uint, body string, internal bool) (*model.Reply, error) {
	reply := &model.Reply{TicketID: ticketID, AuthorID: authorID, Body: body}
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(reply).Error; err != nil {
			return err
		}
		return tx.Model(&model.Ticket{}).Where("id = ?", ticketID).Update("last_reply_at", time.Now()).Error
	})
	return reply, err
}

func (r *Ticket) Delete(ctx context.Context, id uint) error {
	res := r.DB.WithContext(ctx).Delete(&model.Ticket{}, id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return gorm.ErrRecordNotFound
	}
	return nil
}

// AutoCloseStale closes solved tickets without activity since before and returns how many were closed.
func (r *Ticket) AutoCloseStale(ctx context.Context, before time.Time) (int, error) {
	var ids []uint
	if err := r.DB.WithContext(ctx).Model(&model.Ticket{}).
		Where("status = ? AND last_reply_at < ?", "solved", before).
		Pluck("id", &ids).Error; err != nil {
		return 0, err
	}
	closed := 0
	for _, id := range ids {
		err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			if err := tx.Model(&model.Ticket{}).Where("id = ?", id).Update("status", "closed").Error; err != nil {
				return err
			}
			tid := id
			return tx.Create(&model.AuditEntry{Action: "ticket.auto_close", TicketID: &tid}).Error
		})
		if err != nil {
			continue
		}
		closed++
	}
	return closed, nil
}

func IsNotFound(err error) bool {
	return errors.Is(err, gorm.ErrRecordNotFound)
}
