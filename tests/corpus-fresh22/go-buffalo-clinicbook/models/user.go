package models

import (
	"strings"
	"time"

	"github.com/gobuffalo/nulls"
	"github.com/gobuffalo/pop/v6"
	"github.com/gobuffalo/validate/v3"
	"github.com/gobuffalo/validate/v3/validators"
	"github.com/gofrs/uuid"
	"github.com/pkg/errors"
	"golang.org/x/crypto/bcrypt"
)

type User struct {
	ID           uuid.UUID    `json:"id" db:"id"`
	Email        string       `json:"email" db:"email"`
	Name         string       `json:"name" db:"name"`
	PasswordHash string       `json:"-" db:"password_hash"`
	Role         string       `json:"role" db:"role"`
	ResetToken   nulls.String `json:"-" db:"reset_token"`
	ResetExpires nulls.Time   `json:"-" db:"reset_expires"`
	CreatedAt    time.Time    `json:"created_at" db:"created_at"`
	UpdatedAt    time.Time    `json:"updated_at" db:"updated_at"`

	Password string `json:"-" db:"-"`
}

func (u *User) IsAdmin() bool { return u.Role == "admin" }

// Create hashes the password and stores the user.
func (u *User) Create(tx *pop.Connection) (*validate.Errors, error) {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	ph, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.DefaultCost)
	if err != nil {
		return validate.NewErrors(), errors.WithStack(err)
	}
	u.PasswordHash = string(ph)
	return tx.ValidateAndCreate(u)
}

// UpdatePassword hashes u.Password and persists it together with the cleared reset token.
func (u *User) UpdatePassword(tx *pop.Connection) error {
	ph, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.DefaultCost)
	if err != nil {
		return errors.WithStack(err)
	}
	u.PasswordHash = string(ph)
	return tx.Update(u)
}

// Authenticate checks a plaintext password against the stored hash.
func (u *User) Authenticate(password string) bool {
	return bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) == nil
}

func (u *User) Validate(tx *pop.Connection) (*validate.Errors, error) {
	return validate.Validate(
		&validators.StringIsPresent{Field: u.Email, Name: "Email"},
		&validators.EmailIsPresent{Field: u.Email, Name: "Email"},
		&validators.StringIsPresent{Field: u.Name, Name: "Name"},
		&validators.StringInclusion{Field: u.Role, Name: "Role", List: []string{"client", "vet", "admin"}},
	), nil
}
