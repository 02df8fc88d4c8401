package user

import (
	"context"
	"errors"

	"github.com/northwind-support/helpdesk/database/model"
	"gorm.io/gorm"
)

const Name = "user"

// Service looks users up for the JWT authenticator and the login controller.
type Service struct {
	db *gorm.DB
}

func NewService(db *gorm.DB) *Service {
	return &Service{db: db}
}

func (s *Service) Name() string {
	return Name
}

// FindByUsername implements auth.UserService. The "username" is the user's email.
func (s *Service) FindByUsername(ctx context.Context, username any) (*model.User, error) {
	email, ok := username.(string)
	if !ok {
		return nil, gorm.ErrRecordNotFound
	}
	var u model.User
	err := s.db.WithContext(ctx).Where("email = ?", email).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, err
	}
	return &u, err
}

func (s *Service) SetRole(ctx context.Context, id uint, role string) error {
	return s.db.WithContext(ctx).Model(&model.User{}).Where("id = ?", id).Update("role", role).Error
}

func (s *Service) Agents(ctx context.Context) ([]*model.User, error) {
	var users []*model.User
	err := s.db.WithContext(ctx).Where("role IN ?", []string{model.RoleAgent, model.RoleAdmin}).Order("name").Find(&users).Error
	return users, err
}
