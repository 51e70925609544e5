package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

// v3ChangeRequest is a member unit's request, from the portal, to change its
// own roster entry; staff apply or reject it. The requested values are
// encrypted like the roster's confidential columns.
type v3ChangeRequest struct {
	ID           int64     `gorm:"primaryKey"`
	MemberID     int64     `gorm:"not null;index:ix_change_requests_member"`
	PayloadEnc   string    `gorm:"type:text;not null"`
	Note         string    `gorm:"size:500"`
	Status       string    `gorm:"size:16;not null;index:ix_change_requests_status"`
	RequestedBy  string    `gorm:"size:64;not null"`
	RequestedAt  time.Time `gorm:"not null"`
	DecidedBy    string    `gorm:"size:64"`
	DecidedAt    *time.Time
	DecisionNote string `gorm:"size:500"`
}

func (v3ChangeRequest) TableName() string { return "member_change_requests" }

// v3Setting is an association-level value that staff set (e.g. the number
// of units in the industry, the base of the coverage rate).
type v3Setting struct {
	Key       string    `gorm:"primaryKey;size:64"`
	Value     string    `gorm:"type:text;not null"`
	UpdatedAt time.Time `gorm:"not null"`
}

func (v3Setting) TableName() string { return "settings" }

func memberRequests(tx *gorm.DB, _ db.Dialect) error {
	return db.CreateTables(tx, &v3ChangeRequest{}, &v3Setting{})
}
