package model

import "time"

type Book struct {
	ID              string  `json:"id"`
	Isbn            string  `json:"isbn"`
	Title           string  `json:"title"`
	Author          string  `json:"author"`
	CopiesTotal     int     `json:"copiesTotal"`
	CopiesAvailable int     `json:"copiesAvailable"`
	CoverPath       *string `json:"-"`
}

type Member struct {
	ID           string `json:"id"`
	Email        string `json:"email"`
	Name         string `json:"name"`
	Role         Role   `json:"role"`
	PasswordHash []byte `json:"-"`
}

type Loan struct {
	ID           string     `json:"id"`
	BookID       string     `json:"-"`
	MemberID     string     `json:"-"`
	BorrowedAt   time.Time  `json:"borrowedAt"`
	DueAt        time.Time  `json:"dueAt"`
	ReturnedAt   *time.Time `json:"returnedAt"`
	LateFeeCents int        `json:"lateFeeCents"`
}

// LateFee is 25 cents per started day, capped at the replacement fee.
func (l *Loan) LateFee(now time.Time) int {
	if now.Before(l.DueAt) {
		return 0
	}
	days := int(now.Sub(l.DueAt).Hours()/24) + 1
	if fee := days * 25; fee < 2500 {
		return fee
	}
	return 2500
}
