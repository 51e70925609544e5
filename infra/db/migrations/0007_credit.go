package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

type v7CreditRecord struct {
	ID         int64     `gorm:"primaryKey"`
	MemberID   int64     `gorm:"not null;index:ix_credit_records_member"`
	Polarity   string    `gorm:"size:16;not null"`
	Category   string    `gorm:"size:32;not null"`
	OccurredOn time.Time `gorm:"not null"`
	Source     string    `gorm:"size:255;not null"`
	Severity   string    `gorm:"size:16;not null"`
	Summary    string    `gorm:"type:text;not null"`
	Evidence   string    `gorm:"type:text;not null"` // JSON array
	RecordedBy string    `gorm:"size:64;not null"`
	CreatedAt  time.Time `gorm:"not null"`
}

func (v7CreditRecord) TableName() string { return "credit_records" }

type v7CreditProposal struct {
	ID             int64     `gorm:"primaryKey"`
	MemberID       int64     `gorm:"not null;index:ix_credit_proposals_member"`
	List           string    `gorm:"size:8;not null"`
	Action         string    `gorm:"size:8;not null"`
	ReasonCategory string    `gorm:"size:64;not null"`
	PublicSummary  string    `gorm:"type:text;not null"`
	RecordIDs      string    `gorm:"type:text;not null"` // JSON array
	ValidUntil     time.Time `gorm:"not null"`
	ProposedBy     string    `gorm:"size:64;not null"`
	ProposedAt     time.Time `gorm:"not null"`
	Status         string    `gorm:"size:16;not null;index:ix_credit_proposals_status"`
	DecidedBy      string    `gorm:"size:64"`
	DecisionRef    string    `gorm:"size:255"`
	DecidedAt      *time.Time
	Note           string `gorm:"type:text"`
	EntryID        *int64
}

func (v7CreditProposal) TableName() string { return "credit_proposals" }

// v7CreditEntry: open_key is "member/list" while the entry is active and
// NULL afterwards, so the database refuses overlapping active entries.
type v7CreditEntry struct {
	ID             int64     `gorm:"primaryKey"`
	MemberID       int64     `gorm:"not null;index:ix_credit_entries_member"`
	List           string    `gorm:"size:8;not null;index:ix_credit_entries_list_status,priority:1"`
	ReasonCategory string    `gorm:"size:64;not null"`
	PublicSummary  string    `gorm:"type:text;not null"`
	ValidFrom      time.Time `gorm:"not null"`
	ValidUntil     time.Time `gorm:"not null"`
	ProposalID     int64     `gorm:"not null"`
	DecisionRef    string    `gorm:"size:255;not null"`
	Status         string    `gorm:"size:16;not null;index:ix_credit_entries_list_status,priority:2"`
	OpenKey        *string   `gorm:"size:64;uniqueIndex:ux_credit_entries_open"`
	EndedAt        *time.Time
	EndReason      string    `gorm:"size:255"`
	UpdatedAt      time.Time `gorm:"not null;index:ix_credit_entries_updated"`
}

func (v7CreditEntry) TableName() string { return "credit_entries" }

type v7CreditAppeal struct {
	ID         int64     `gorm:"primaryKey"`
	Kind       string    `gorm:"size:8;not null;index:ix_credit_appeals_kind_status,priority:1"` // appeal, repair
	EntryID    int64     `gorm:"not null;index:ix_credit_appeals_entry"`
	MemberID   int64     `gorm:"not null"`
	Text       string    `gorm:"type:text;not null"`
	Evidence   string    `gorm:"type:text;not null"`
	FiledBy    string    `gorm:"size:64;not null"`
	FiledAt    time.Time `gorm:"not null"`
	Status     string    `gorm:"size:16;not null;index:ix_credit_appeals_kind_status,priority:2"`
	Reviewer   string    `gorm:"size:64"`
	ReviewedAt *time.Time
	Reasons    string `gorm:"type:text"`
}

func (v7CreditAppeal) TableName() string { return "credit_appeals" }

func creditTables(tx *gorm.DB, _ db.Dialect) error {
	return db.CreateTables(tx, &v7CreditRecord{}, &v7CreditProposal{}, &v7CreditEntry{}, &v7CreditAppeal{})
}
