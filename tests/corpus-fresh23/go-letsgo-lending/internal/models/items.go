package models

import (
	"database/sql"
	"errors"
	"time"
)

var (
	ErrNoRecord           = errors.New("models: no matching record found")
	ErrInvalidCredentials = errors.New("models: invalid credentials")
	ErrUnavailable        = errors.New("models: item is already on loan")
)

type Item struct {
	ID          int
	Name        string
	Description string
	Category    string
	OwnerID     int
	BorrowerID  sql.NullInt64
	DueAt       sql.NullTime
	Created     time.Time
}

type ItemModel struct {
	DB *sql.DB
}

const maxPage = 100

func clampLimit(limit int) int {
	if limit <= 0 || limit > maxPage {
		return maxPage
	}
	return limit
}

const itemColumns = `id, name, description, category, owner_id, borrower_id, due_at, created`

func scanItems(rows *sql.Rows) ([]Item, error) {
	defer rows.Close()
	var items []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name, &it.Description, &it.Category, &it.OwnerID, &it.BorrowerID, &it.DueAt, &it.Created); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func (m *ItemModel) Insert(name, description, category string, ownerID int) (int, error) {
	res, err := m.DB.Exec(`INSERT INTO items (name, description, category, owner_id, created) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())`,
		name, description, category, ownerID)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	return int(id), err
}

func (m *ItemModel) Get(id int) (Item, error) {
	var it Item
	err := m.DB.QueryRow(`SELECT `+itemColumns+` FROM items WHERE id = ? AND deleted_at IS NULL`, id).
		Scan(&it.ID, &it.Name, &it.Description, &it.Category, &it.OwnerID, &it.BorrowerID, &it.DueAt, &it.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, ErrNoRecord
	}
	return it, err
}

func (m *ItemModel) Latest(limit int) ([]Item, error) {
	rows, err := m.DB.Query(`SELECT `+itemColumns+` FROM items WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?`, clampLimit(limit))
	if err != nil {
		return nil, err
	}
	return scanItems(rows)
}

func (m *ItemModel) Search(query, category string, limit int) ([]Item, error) {
	rows, err := m.DB.Query(`SELECT `+itemColumns+` FROM items
		WHERE deleted_at IS NULL AND (name LIKE CONCAT('%', ?, '%') OR description LIKE CONCAT('%', ?, '%'))
		ORDER BY name LIMIT ?`, query, query, clampLimit(limit))
	if err != nil {
		return nil, err
	}
	return scanItems(rows)
}

func (m *ItemModel) Delete(id int) error {
	_, err := m.DB.Exec(`UPDATE items SET deleted_at = UTC_TIMESTAMP() WHERE id = ?`, id)
	return err
}

func (m *ItemModel) Checkout(itemID, userID int, due time.Time) error {
	tx, err := m.DB.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()

	res, err := tx.Exec(`UPDATE items SET borrower_id = ?, due_at = ? WHERE id = ? AND borrower_id IS NULL AND deleted_at IS NULL`,
		userID, due, itemID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrUnavailable
	}
	if _, err := tx.Exec(`INSERT INTO loans (item_id, user_id, due_at, created) VALUES (?, ?, ?, UTC_TIMESTAMP())`, itemID, userID, due); err != nil {
		return err
	}
	return tx.Commit()
}

func (m *ItemModel) Return(itemID, userID int) error {
	_, err := m.DB.Exec(`UPDATE items SET borrower_id = NULL, due_at = NULL WHERE id = ? AND borrower_id = ?`, itemID, userID)
	return err
}
