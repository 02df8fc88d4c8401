package models

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"golang.org/x/crypto/bcrypt"
)

var (
	ErrNoRecord           = errors.New("models: no matching record found")
	ErrInvalidCredentials = errors.New("models: invalid credentials")
	ErrDuplicateEmail     = errors.New("models: duplicate email")
	ErrInvalidResetToken  = errors.New("models: invalid or expired reset token")
)

type User struct {
	ID             int
	Name           string
	Email          string
	Role           string
	HashedPassword []byte
	Created        time.Time
}

type UserModelInterface interface {
	Insert(name, email, password string) error
	Authenticate(email, password string) (int, error)
	Get(id int) (User, error)
	All() ([]User, error)
}

type UserModel struct {
	DB *sql.DB
}

func (m *UserModel) Insert(name, email, password string) error {
	hashedPassword, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return err
	}
	stmt := `INSERT INTO users (name, email, role, hashed_password, created) VALUES (?, ?, 'member', ?, UTC_TIMESTAMP())`
	_, err = m.DB.Exec(stmt, name, strings.ToLower(email), string(hashedPassword))
	if err != nil {
		var mySQLError *mysql.MySQLError
		if errors.As(err, &mySQLError) && mySQLError.Number == 1062 && strings.Contains(mySQLError.Message, "users_uc_email") {
			return ErrDuplicateEmail
		}
		return err
	}
	return nil
}

func (m *UserModel) Authenticate(email, password string) (int, error) {
	var id int
	var hashedPassword []byte
	stmt := "SELECT id, hashed_password FROM users WHERE email = ?"
	err := m.DB.QueryRow(stmt, strings.ToLower(email)).Scan(&id, &hashedPassword)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, ErrInvalidCredentials
		}
		return 0, err
	}
	err = bcrypt.CompareHashAndPassword(hashedPassword, []byte(password))
	if err != nil {
		if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
			return 0, ErrInvalidCredentials
		}
		return 0, err
	}
	return id, nil
}

func (m *UserModel) Get(id int) (User, error) {
	var u User
	stmt := "SELECT id, name, email, role, created FROM users WHERE id = ?"
	err := m.DB.QueryRow(stmt, id).Scan(&u.ID, &u.Name, &u.Email, &u.Role, &u.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNoRecord
	}
	return u, err
}

func (m *UserModel) All() ([]User, error) {
	rows, err := m.DB.Query("SELECT id, name, email, role, created FROM users ORDER BY name")
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

// CreateResetToken stores the SHA-256 of a fresh token and returns the plaintext for the email link.
func (m *UserModel) CreateResetToken(email string) (string, error) {
	raw := make([]byte, 24)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	token := hex.EncodeToString(raw)
	sum := sha256.Sum256([]byte(token))
	_, err := m.DB.Exec(`UPDATE users SET reset_hash = ?, reset_expires = UTC_TIMESTAMP() + INTERVAL 1 HOUR WHERE email = ?`,
		hex.EncodeToString(sum[:]), strings.ToLower(email))
	return token, err
}

func (m *UserModel) ResetPassword(email, token, newPassword string) error {
	var id int
	var storedHash string
	var expires time.Time
	err := m.DB.QueryRow(`SELECT id, reset_hash, reset_expires FROM users WHERE email = ? AND reset_hash IS NOT NULL`,
		strings.ToLower(email)).Scan(&id, &storedHash, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrInvalidResetToken
	} else if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(token))
	if hex.EncodeToString(sum[:]) != storedHash || time.Now().After(expires) {
		return ErrInvalidResetToken
	}
	hashed, err := bcrypt.GenerateFromPassword([]byte(newPassword), 12)
	if err != nil {
		return err
	}
	_, err = m.DB.Exec(`UPDATE users SET hashed_password = ?, reset_hash = NULL WHERE id = ?`, string(hashed), id)
	return err
}

func (m *UserModel) SetRole(email, role string) error {
	res, err := m.DB.Exec(`UPDATE users SET role = ? WHERE email = ?`, role, strings.ToLower(email))
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNoRecord
	}
	return nil
}
