package models

import (
	"database/sql"
	"errors"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

type User struct {
	ID      int
	Name    string
	Email   string
	Role    string
	Created time.Time
}

type PasswordReset struct {
	UserID    int
	TokenHash string
	Expires   time.Time
}

type UserModel struct {
	DB *sql.DB
}

func (m *UserModel) Authenticate(email, password string) (int, error) {
	var id int
	var hashed []byte
	err := m.DB.QueryRow(`SELECT id, hashed_password FROM users WHERE email = ? AND active`, strings.ToLower(email)).Scan(&id, &hashed)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrInvalidCredentials
	} else if err != nil {
		return 0, err
	}
	if err := bcrypt.CompareHashAndPassword(hashed, []byte(password)); err != nil {
		if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
			return 0, ErrInvalidCredentials
		}
		return 0, err
	}
	return id, nil
}

func (m *UserModel) Get(id int) (User, error) {
	var u User
	err := m.DB.QueryRow(`SELECT id, name, email, role, created FROM users WHERE id = ? AND active`, id).
		Scan(&u.ID, &u.Name, &u.Email, &u.Role, &u.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNoRecord
	}
	return u, err
}

func (m *UserModel) All() ([]User, error) {
	rows, err := m.DB.Query(`SELECT id, name, email, role, created FROM users ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email, &u.Role, &u.Created); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func (m *UserModel) SetRole(id int, role string) error {
	_, err := m.DB.Exec(`UPDATE users SET role = ? WHERE id = ?`, role, id)
	return err
}

func (m *UserModel) PendingReset(email string) (PasswordReset, error) {
	var pr PasswordReset
	err := m.DB.QueryRow(`SELECT r.user_id, r.token_hash, r.expires FROM password_resets r
		JOIN users u ON u.id = r.user_id WHERE u.email = ? ORDER BY r.expires DESC LIMIT 1`, strings.ToLower(email)).
		Scan(&pr.UserID, &pr.TokenHash, &pr.Expires)
	if errors.Is(err, sql.ErrNoRows) {
		return PasswordReset{}, ErrNoRecord
	}
	return pr, err
}

func (m *UserModel) CompleteReset(userID int, password string) error {
	hashed, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return err
	}
	tx, err := m.DB.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE users SET hashed_password = ? WHERE id = ?`, hashed, userID); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM password_resets WHERE user_id = ?`, userID); err != nil {
		return err
	}
	return tx.Commit()
}
