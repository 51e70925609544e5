package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

type v8Service struct {
	ID          int64  `gorm:"primaryKey"`
	Name        string `gorm:"size:191;not null;uniqueIndex:ux_consulting_services_name"`
	Category    string `gorm:"size:32;not null"`
	ScopeItem   string `gorm:"size:128;not null"`
	Description string `gorm:"type:text"`
	FeeBasis    string `gorm:"type:text"`
	Active      bool   `gorm:"not null"`
}

func (v8Service) TableName() string { return "consulting_services" }

type v8Client struct {
	ID       int64  `gorm:"primaryKey"`
	Name     string `gorm:"size:191;not null"`
	Kind     string `gorm:"size:16;not null"`
	Foreign  bool   `gorm:"column:is_foreign;not null"`
	MemberID *int64
}

func (v8Client) TableName() string { return "consulting_clients" }

type v8Contract struct {
	ID               int64     `gorm:"primaryKey"`
	ContractNo       string    `gorm:"size:32;not null;uniqueIndex:ux_consulting_contracts_no"`
	ClientID         int64     `gorm:"not null;index:ix_consulting_contracts_client"`
	ServiceID        int64     `gorm:"not null"`
	Title            string    `gorm:"size:255;not null"`
	Scope            string    `gorm:"type:text"`
	Team             string    `gorm:"type:text;not null"`
	FeeFen           int64     `gorm:"not null"`
	Plan             string    `gorm:"type:text;not null"`
	Deliverables     string    `gorm:"type:text;not null"`
	Confidentiality  string    `gorm:"type:text"`
	IPTerms          string    `gorm:"column:ip_terms;type:text"`
	DataProtection   string    `gorm:"type:text"`
	Declarations     string    `gorm:"type:text;not null"`
	ApplicableLaws   string    `gorm:"type:text"`
	StartsOn         time.Time `gorm:"not null"`
	EndsOn           time.Time `gorm:"not null"`
	Foreign          bool      `gorm:"column:is_foreign;not null"`
	SpecialFund      bool      `gorm:"not null"`
	SignedOn         *time.Time
	SignedDocument   string    `gorm:"size:255"`
	ComplianceReview string    `gorm:"type:text"`
	CreatedAt        time.Time `gorm:"not null"`
	UpdatedAt        time.Time `gorm:"not null"`
}

func (v8Contract) TableName() string { return "consulting_contracts" }

type v8Stage struct {
	ID         int64     `gorm:"primaryKey"`
	ContractID int64     `gorm:"not null;uniqueIndex:ux_consulting_stages,priority:1"`
	Stage      string    `gorm:"size:32;not null;uniqueIndex:ux_consulting_stages,priority:2"`
	Summary    string    `gorm:"type:text"`
	SkipReason string    `gorm:"type:text"`
	Documents  string    `gorm:"type:text;not null"`
	By         string    `gorm:"column:by_user;size:64;not null"`
	At         time.Time `gorm:"not null"`
}

func (v8Stage) TableName() string { return "consulting_stages" }

type v8BudgetLine struct {
	ID         int64  `gorm:"primaryKey"`
	ContractID int64  `gorm:"not null;uniqueIndex:ux_consulting_lines,priority:1"`
	Name       string `gorm:"size:128;not null;uniqueIndex:ux_consulting_lines,priority:2"`
	AmountFen  int64  `gorm:"not null"`
	SpentFen   int64  `gorm:"not null"`
}

func (v8BudgetLine) TableName() string { return "consulting_budget_lines" }

type v8Expense struct {
	ID          int64     `gorm:"primaryKey"`
	ContractID  int64     `gorm:"not null;index:ix_consulting_expenses_contract"`
	LineID      int64     `gorm:"not null"`
	AmountFen   int64     `gorm:"not null"`
	SpentOn     time.Time `gorm:"not null"`
	Description string    `gorm:"size:500;not null"`
	By          string    `gorm:"column:by_user;size:64;not null"`
	CreatedAt   time.Time `gorm:"not null"`
}

func (v8Expense) TableName() string { return "consulting_expenses" }

// v8Receipt is consulting income, kept apart from member dues.
type v8Receipt struct {
	ID         int64     `gorm:"primaryKey"`
	ContractID int64     `gorm:"not null;index:ix_consulting_receipts_contract"`
	AmountFen  int64     `gorm:"not null"`
	ReceivedOn time.Time `gorm:"not null"`
	Reference  string    `gorm:"size:128"`
	By         string    `gorm:"column:by_user;size:64;not null"`
	CreatedAt  time.Time `gorm:"not null"`
}

func (v8Receipt) TableName() string { return "consulting_receipts" }

func consulting(tx *gorm.DB, _ db.Dialect) error {
	return db.CreateTables(tx, &v8Service{}, &v8Client{}, &v8Contract{}, &v8Stage{}, &v8BudgetLine{}, &v8Expense{}, &v8Receipt{})
}
