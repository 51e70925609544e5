package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

type v9Round struct {
	ID                int64     `gorm:"primaryKey"`
	Title             string    `gorm:"size:255;not null"`
	Kind              string    `gorm:"size:16;not null"` // self, third_party
	CutoffDate        time.Time `gorm:"not null"`
	Plan              string    `gorm:"type:text"`
	ThirdParty        string    `gorm:"size:255"`
	WorkingGroup      string    `gorm:"type:text;not null"` // JSON
	SelfDeclaredStage string    `gorm:"size:32"`
	Status            string    `gorm:"size:24;not null"`
	Snapshot          string    `gorm:"type:mediumtext"` // JSON of auto scores at the cut-off
	Report            string    `gorm:"type:mediumtext"` // JSON, frozen at approval
	BaselineAt        *time.Time
	SubmittedAt       *time.Time
	ApprovedBy        string `gorm:"size:64"`
	ApprovedAt        *time.Time
	ClosedAt          *time.Time
	CreatedBy         string    `gorm:"size:64;not null"`
	CreatedAt         time.Time `gorm:"not null"`
}

func (v9Round) TableName() string { return "scorecard_rounds" }

type v9Score struct {
	ID            int64     `gorm:"primaryKey"`
	RoundID       int64     `gorm:"not null;uniqueIndex:ux_scorecard_scores,priority:1"`
	IndicatorID   string    `gorm:"size:16;not null;uniqueIndex:ux_scorecard_scores,priority:2"`
	Value         int       `gorm:"not null"`
	NA            bool      `gorm:"column:na;not null"`
	Justification string    `gorm:"type:text"`
	Evidence      string    `gorm:"type:text;not null"`
	Comment       string    `gorm:"type:text"`
	ScoredBy      string    `gorm:"size:64;not null"`
	UpdatedAt     time.Time `gorm:"not null"`
}

func (v9Score) TableName() string { return "scorecard_scores" }

type v9Action struct {
	ID          int64     `gorm:"primaryKey"`
	RoundID     int64     `gorm:"not null;index:ix_scorecard_actions_round"`
	IndicatorID string    `gorm:"size:16;not null"`
	Title       string    `gorm:"type:text;not null"`
	Owner       string    `gorm:"size:64;not null"`
	DueOn       time.Time `gorm:"not null"`
	Status      string    `gorm:"size:16;not null;index:ix_scorecard_actions_status"`
	Evidence    string    `gorm:"type:text"`
	ClosedAt    *time.Time
	AckBy       string `gorm:"size:64"`
	AckAt       *time.Time
}

func (v9Action) TableName() string { return "scorecard_actions" }

func scorecardTables(tx *gorm.DB, _ db.Dialect) error {
	return db.CreateTables(tx, &v9Round{}, &v9Score{}, &v9Action{})
}
