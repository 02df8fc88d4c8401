package models

import (
	"database/sql"
	"errors"
	"time"
)

type Meeting struct {
	ID       int
	Title    string
	Book     string
	Location string
	StartsAt time.Time
	Created  time.Time
}

type MeetingModelInterface interface {
	Insert(title, book, location string, startsAt time.Time) (int, error)
	Get(id int) (Meeting, error)
	Upcoming(limit int) ([]Meeting, error)
	Delete(id int) error
	RSVP(meetingID, userID int, attending bool) error
	Attendees(meetingID int) ([]string, error)
}

type MeetingModel struct {
	DB *sql.DB
}

func (m *MeetingModel) Insert(title, book, location string, startsAt time.Time) (int, error) {
	stmt := `INSERT INTO meetings (title, book, location, starts_at, created) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())`
	result, err := m.DB.Exec(stmt, title, book, location, startsAt.UTC())
	if err != nil {
		return 0, err
	}
	id, err := result.LastInsertId()
	if err != nil {
		return 0, err
	}
	return int(id), nil
}

func (m *MeetingModel) Get(id int) (Meeting, error) {
	var mt Meeting
	stmt := `SELECT id, title, book, location, starts_at, created FROM meetings WHERE id = ?`
	err := m.DB.QueryRow(stmt, id).Scan(&mt.ID, &mt.Title, &mt.Book, &mt.Location, &mt.StartsAt, &mt.Created)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Meeting{}, ErrNoRecord
		}
		return Meeting{}, err
	}
	return mt, nil
}

func (m *MeetingModel) Upcoming(limit int) ([]Meeting, error) {
	stmt := `SELECT id, title, book, location, starts_at, created FROM meetings
	WHERE starts_at > UTC_TIMESTAMP() ORDER BY starts_at LIMIT 10`
	rows, err := m.DB.Query(stmt)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var meetings []Meeting
	for rows.Next() {
		var mt Meeting
		if err := rows.Scan(&mt.ID, &mt.Title, &mt.Book, &mt.Location, &mt.StartsAt, &mt.Created); err != nil {
			return nil, err
		}
		meetings = append(meetings, mt)
	}
	return meetings, rows.Err()
}

func (m *MeetingModel) Delete(id int) error {
	tx, err := m.DB.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if _, err := tx.Exec(`DELETE FROM rsvps WHERE meeting_id = ?`, id); err != nil {
		return err
	}
	res, err := tx.Exec(`DELETE FROM meetings WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNoRecord
	}
	return tx.Commit()
}

func (m *MeetingModel) RSVP(meetingID, userID int, attending bool) error {
	stmt := `INSERT INTO rsvps (meeting_id, user_id, attending, updated) VALUES (?, ?, ?, UTC_TIMESTAMP())
	ON DUPLICATE KEY UPDATE attending = VALUES(attending), updated = UTC_TIMESTAMP()`
	_, err := m.DB.Exec(stmt, meetingID, userID, attending)
	return err
}

func (m *MeetingModel) Attendees(meetingID int) ([]string, error) {
	rows, err := m.DB.Query(`SELECT u.email FROM rsvps r JOIN users u ON u.id = r.user_id
	WHERE r.meeting_id = ? AND r.attending = TRUE ORDER BY u.email`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var emails []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		emails = append(emails, e)
	}
	return emails, rows.Err()
}
