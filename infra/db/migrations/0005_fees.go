package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

type v5FeeStandard struct {
	ID           int64     `gorm:"primaryKey"`
	TierID       int64     `gorm:"not null;uniqueIndex:ux_fee_standards_tier_year,priority:1"`
	Year         int       `gorm:"not null;uniqueIndex:ux_fee_standards_tier_year,priority:2"`
	AmountFen    int64     `gorm:"not null"`
	ResolutionID int64     `gorm:"not null"`
	CreatedAt    time.Time `gorm:"not null"`
}

func (v5FeeStandard) TableName() string { return "fee_standards" }

// v5Bill: the unique (member_id, year) index is the rule of 8.1.1.3 that
// the association and its branches never both bill a unit's dues for a year.
type v5Bill struct {
	ID         int64     `gorm:"primaryKey"`
	BillNo     string    `gorm:"size:32;not null;uniqueIndex:ux_bills_no"`
	MemberID   int64     `gorm:"not null;uniqueIndex:ux_bills_member_year,priority:1"`
	Year       int       `gorm:"not null;uniqueIndex:ux_bills_member_year,priority:2;index:ix_bills_year"`
	TierID     int64     `gorm:"not null"`
	StandardID int64     `gorm:"not null"`
	AmountFen  int64     `gorm:"not null"`
	PaidFen    int64     `gorm:"not null"`
	IssuerID   int64     `gorm:"not null"` // 0: the association; otherwise a branch
	DueOn      time.Time `gorm:"not null"`
	Cancelled  bool      `gorm:"not null"`
	CreatedAt  time.Time `gorm:"not null"`
	UpdatedAt  time.Time `gorm:"not null"`
}

func (v5Bill) TableName() string { return "bills" }

// v5Payment is the dues ledger: rows are inserted, never updated, except
// reversed_by, which records the one entry that reverses this one.
type v5Payment struct {
	ID         int64     `gorm:"primaryKey"`
	ReceiptNo  string    `gorm:"size:32;not null;uniqueIndex:ux_payments_receipt"`
	BillID     int64     `gorm:"not null;index:ix_payments_bill"`
	MemberID   int64     `gorm:"not null;index:ix_payments_member"`
	AmountFen  int64     `gorm:"not null"`
	Method     string    `gorm:"size:16;not null"`
	PaidOn     time.Time `gorm:"not null;index:ix_payments_paid"`
	Reference  string    `gorm:"size:128"`
	ReversalOf *int64    `gorm:"uniqueIndex:ux_payments_reversal"`
	ReversedBy *int64
	Reason     string    `gorm:"size:500"`
	CreatedBy  string    `gorm:"size:64;not null"`
	CreatedAt  time.Time `gorm:"not null"`
}

func (v5Payment) TableName() string { return "payments" }

type v5FundEntry struct {
	ID          int64     `gorm:"primaryKey"`
	Direction   string    `gorm:"size:8;not null"`
	AmountFen   int64     `gorm:"not null"`
	Category    string    `gorm:"size:32;not null"`
	Year        int       `gorm:"not null;index:ix_fund_year"`
	PostedOn    time.Time `gorm:"not null"`
	Description string    `gorm:"size:500;not null"`
	Responsible string    `gorm:"size:64;not null"`
	Keeper      string    `gorm:"size:64;not null"`
	PaymentID   *int64    `gorm:"uniqueIndex:ux_fund_payment"`
	ReversalOf  *int64    `gorm:"uniqueIndex:ux_fund_reversal"`
	CreatedBy   string    `gorm:"size:64;not null"`
	CreatedAt   time.Time `gorm:"not null"`
}

func (v5FundEntry) TableName() string { return "fund_entries" }

type v5Disclosure struct {
	ID          int64  `gorm:"primaryKey"`
	Year        int    `gorm:"not null;uniqueIndex:ux_disclosures_version,priority:1"`
	Version     int    `gorm:"not null;uniqueIndex:ux_disclosures_version,priority:2"`
	Status      string `gorm:"size:16;not null"`
	Figures     string `gorm:"type:text;not null"` // JSON snapshot
	ChangeNote  string `gorm:"size:500"`
	Author      string `gorm:"size:64;not null"`
	DraftedAt   time.Time
	Verifier    string `gorm:"size:64"`
	VerifiedAt  *time.Time
	Approver    string `gorm:"size:64"`
	ApprovedAt  *time.Time
	Publisher   string `gorm:"size:64"`
	PublishedAt *time.Time
}

func (v5Disclosure) TableName() string { return "disclosures" }

type v5DisclosureFeedback struct {
	ID        int64     `gorm:"primaryKey"`
	Year      int       `gorm:"not null;index:ix_feedback_year"`
	Version   int       `gorm:"not null"`
	MemberID  int64     `gorm:"not null"`
	Kind      string    `gorm:"size:16;not null"`
	Text      string    `gorm:"type:text;not null"`
	Author    string    `gorm:"size:64;not null"`
	Reply     string    `gorm:"type:text"`
	RepliedBy string    `gorm:"size:64"`
	CreatedAt time.Time `gorm:"not null"`
	RepliedAt *time.Time
}

func (v5DisclosureFeedback) TableName() string { return "disclosure_feedback" }

// v5IdempotencyKey remembers the answer to a money-moving request so that a
// retry with the same key gets the same answer and moves no money twice.
type v5IdempotencyKey struct {
	Key         string    `gorm:"primaryKey;size:128"`
	Scope       string    `gorm:"size:64;not null"`
	RequestHash string    `gorm:"size:64;not null"`
	Status      int       `gorm:"not null"`
	Response    string    `gorm:"type:mediumtext;not null"`
	CreatedAt   time.Time `gorm:"not null"`
}

func (v5IdempotencyKey) TableName() string { return "idempotency_keys" }

// v5Notice is a message to a member unit in the portal (arrears reminders).
type v5Notice struct {
	ID        int64     `gorm:"primaryKey"`
	MemberID  int64     `gorm:"not null;index:ix_notices_member"`
	Kind      string    `gorm:"size:32;not null"`
	Title     string    `gorm:"size:255;not null"`
	Body      string    `gorm:"type:text"`
	DedupKey  string    `gorm:"size:128;not null;uniqueIndex:ux_notices_dedup"`
	CreatedAt time.Time `gorm:"not null"`
	ReadAt    *time.Time
}

func (v5Notice) TableName() string { return "notices" }

func fees(tx *gorm.DB, _ db.Dialect) error {
	if err := db.CreateTables(tx, &v5FeeStandard{}, &v5Bill{}, &v5Payment{}, &v5FundEntry{}, &v5Disclosure{}, &v5DisclosureFeedback{},
		&v5IdempotencyKey{}, &v5Notice{}); err != nil {
		return err
	}
	// The fund's keeper is a setting; the lock row serialises bill generation.
	var n int64
	if err := tx.Table("app_locks").Where("name = ?", "bills").Count(&n).Error; err != nil || n > 0 {
		return err
	}
	return tx.Exec("INSERT INTO app_locks (name) VALUES ('bills')").Error
}
