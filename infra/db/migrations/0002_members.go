package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

// v2Lock is a named row that use cases lock to serialise a rule that spans
// many rows (e.g. "at most four active tiers"), where row locks on existing
// rows would not stop a concurrent insert.
type v2Lock struct {
	Name string `gorm:"primaryKey;size:64"`
}

func (v2Lock) TableName() string { return "app_locks" }

// v2Sequence hands out public numbers (member no., receipt no.) per key.
type v2Sequence struct {
	Name  string `gorm:"primaryKey;size:64"`
	Value int64  `gorm:"not null"`
}

func (v2Sequence) TableName() string { return "sequences" }

type v2Tier struct {
	ID           int64     `gorm:"primaryKey"`
	Name         string    `gorm:"size:64;not null;uniqueIndex:ux_member_tiers_name"`
	Rank         int       `gorm:"not null"`
	AnnualFeeFen int64     `gorm:"not null"`
	Services     string    `gorm:"type:text;not null"` // JSON array
	Rights       string    `gorm:"type:text"`
	Obligations  string    `gorm:"type:text"`
	Active       bool      `gorm:"not null;index:ix_member_tiers_active"`
	CreatedAt    time.Time `gorm:"not null"`
	UpdatedAt    time.Time `gorm:"not null"`
}

func (v2Tier) TableName() string { return "member_tiers" }

// v2Member is the roster. Columns ending in _enc hold AES-GCM ciphertext of
// fields at 内部 level or above; _bidx columns hold their HMAC blind index.
type v2Member struct {
	ID                 int64     `gorm:"primaryKey"`
	MemberNo           *string   `gorm:"size:32;uniqueIndex:ux_members_no"`
	Name               string    `gorm:"size:191;not null;index:ix_members_name"`
	USCC               string    `gorm:"column:uscc;size:18;not null;uniqueIndex:ux_members_uscc"`
	UnitType           string    `gorm:"size:32;not null"`
	TierID             int64     `gorm:"not null;index:ix_members_status_tier,priority:2"`
	Status             string    `gorm:"size:16;not null;index:ix_members_status_tier,priority:1;index:ix_members_status_region,priority:1"`
	CouncilUnit        bool      `gorm:"not null"`
	Address            string    `gorm:"size:255;not null"`
	LegalRepName       string    `gorm:"size:64;not null"`
	LegalRepPhoneEnc   string    `gorm:"type:text"`
	LegalRepPhoneBidx  string    `gorm:"size:32;index:ix_members_legal_phone"`
	MemberRepName      string    `gorm:"size:64;not null"`
	MemberRepPhoneEnc  string    `gorm:"type:text"`
	MemberRepPhoneBidx string    `gorm:"size:32;index:ix_members_rep_phone"`
	CouncilRepName     *string   `gorm:"size:64"`
	CouncilRepPhoneEnc string    `gorm:"type:text"`
	ContactsEnc        string    `gorm:"type:text"`
	Industry           string    `gorm:"size:64;not null;index:ix_members_industry"`
	ChainSegment       string    `gorm:"size:64;not null;index:ix_members_chain"`
	Region             string    `gorm:"size:64;not null;index:ix_members_status_region,priority:2"`
	Channel            string    `gorm:"size:16;not null"`
	ApplicationRefEnc  string    `gorm:"type:text"`
	AppliedOn          time.Time `gorm:"not null"`
	JoinedOn           *time.Time
	LeftOn             *time.Time
	LeaveReason        string    `gorm:"size:500"`
	ProfileEnc         string    `gorm:"type:text"`
	WarningsEnc        string    `gorm:"type:text"`
	RiskLevel          string    `gorm:"size:16;not null;index:ix_members_risk"` // highest uncleared warning, for filtering
	LastReviewedAt     time.Time `gorm:"not null;index:ix_members_reviewed"`
	CreatedAt          time.Time `gorm:"not null"`
	UpdatedAt          time.Time `gorm:"not null"`
}

func (v2Member) TableName() string { return "members" }

// v2MemberEvent keeps every lifecycle change (8.1.2.2 history).
type v2MemberEvent struct {
	ID         int64     `gorm:"primaryKey"`
	MemberID   int64     `gorm:"not null;index:ix_member_events_member"`
	At         time.Time `gorm:"not null"`
	FromStatus string    `gorm:"size:16;not null"`
	ToStatus   string    `gorm:"size:16;not null"`
	Reason     string    `gorm:"size:500"`
	Ref        string    `gorm:"size:255"`
	ActorName  string    `gorm:"size:64;not null"`
}

func (v2MemberEvent) TableName() string { return "member_events" }

func members(tx *gorm.DB, _ db.Dialect) error {
	if err := db.CreateTables(tx, &v2Lock{}, &v2Sequence{}, &v2Tier{}, &v2Member{}, &v2MemberEvent{}); err != nil {
		return err
	}
	var n int64
	if err := tx.Model(&v2Lock{}).Where("name = ?", "member_tiers").Count(&n).Error; err != nil || n > 0 {
		return err
	}
	return tx.Create(&v2Lock{Name: "member_tiers"}).Error
}
