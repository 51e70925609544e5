package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

type v6Event struct {
	ID                 int64     `gorm:"primaryKey"`
	Title              string    `gorm:"size:255;not null"`
	Kind               string    `gorm:"size:32;not null;index:ix_events_kind"`
	StartsAt           time.Time `gorm:"not null;index:ix_events_starts"`
	EndsAt             time.Time `gorm:"not null"`
	Venue              string    `gorm:"size:255;not null"`
	Capacity           int       `gorm:"not null"`
	ExpectedAttendance int       `gorm:"not null"`
	BudgetFen          int64     `gorm:"not null"`
	Lead               string    `gorm:"size:64;not null"`
	Team               string    `gorm:"type:text;not null"` // JSON
	Goals              string    `gorm:"type:text"`
	Plan               string    `gorm:"type:text"`
	Risks              string    `gorm:"type:text;not null"` // JSON
	IsExhibition       bool      `gorm:"not null"`
	ManualLarge        bool      `gorm:"not null"`
	Status             string    `gorm:"size:16;not null;index:ix_events_status"`
	Filing             string    `gorm:"type:text"` // JSON or ""
	Inspection         string    `gorm:"type:text;not null"`
	Emergency          string    `gorm:"type:text;not null"`
	Green              string    `gorm:"type:text;not null"`
	Fields             string    `gorm:"type:text;not null"`
	ConsentPurpose     string    `gorm:"size:500;not null"`
	Summary            string    `gorm:"type:text"`
	ClosedAt           *time.Time
	AnonymisedAt       *time.Time
	CreatedAt          time.Time `gorm:"not null"`
	UpdatedAt          time.Time `gorm:"not null"`
}

func (v6Event) TableName() string { return "events" }

type v6Task struct {
	ID      int64     `gorm:"primaryKey"`
	EventID int64     `gorm:"not null;index:ix_event_tasks_event"`
	Title   string    `gorm:"size:255;not null"`
	Owner   string    `gorm:"size:64;not null"`
	DueOn   time.Time `gorm:"not null"`
	Status  string    `gorm:"size:16;not null"`
}

func (v6Task) TableName() string { return "event_tasks" }

type v6Provider struct {
	ID             int64  `gorm:"primaryKey"`
	EventID        int64  `gorm:"not null;index:ix_event_providers_event"`
	Name           string `gorm:"size:128;not null"`
	Service        string `gorm:"size:64;not null"`
	Qualifications string `gorm:"type:text;not null"` // JSON
	ContractRef    string `gorm:"size:128"`
	ContractTerms  string `gorm:"type:text"`
	Quality        string `gorm:"type:text"`
	Engaged        bool   `gorm:"not null"`
}

func (v6Provider) TableName() string { return "event_providers" }

// v6Registration: personal fields are encrypted; person_key (a blind index
// of the phone) is unique per event while the registration stands, and
// NULL once cancelled, so one person cannot register twice but may again
// after cancelling.
type v6Registration struct {
	ID          int64     `gorm:"primaryKey"`
	EventID     int64     `gorm:"not null;index:ix_registrations_event_status,priority:1;uniqueIndex:ux_registrations_person,priority:1;uniqueIndex:ux_registrations_code,priority:1"`
	MemberID    *int64    `gorm:"index:ix_registrations_member"`
	NameEnc     string    `gorm:"type:text;not null"`
	PhoneEnc    string    `gorm:"type:text;not null"`
	EmailEnc    string    `gorm:"type:text"`
	CompanyEnc  string    `gorm:"type:text"`
	TitleEnc    string    `gorm:"type:text"`
	IDNumberEnc string    `gorm:"type:text"`
	PersonKey   *string   `gorm:"size:32;uniqueIndex:ux_registrations_person,priority:2"`
	Consent     bool      `gorm:"not null"`
	Purpose     string    `gorm:"size:500;not null"`
	ConsentAt   time.Time `gorm:"not null"`
	Status      string    `gorm:"size:16;not null;index:ix_registrations_event_status,priority:2"`
	Code        string    `gorm:"size:16;not null;uniqueIndex:ux_registrations_code,priority:2"`
	CheckedInAt *time.Time
	Score       *int
	Comment     string    `gorm:"type:text"`
	Anonymised  bool      `gorm:"not null"`
	CreatedAt   time.Time `gorm:"not null"`
}

func (v6Registration) TableName() string { return "registrations" }

func events(tx *gorm.DB, _ db.Dialect) error {
	return db.CreateTables(tx, &v6Event{}, &v6Task{}, &v6Provider{}, &v6Registration{})
}
