package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/infra/db"
)

// v4Association is the association's own profile: one row, id 1.
type v4Association struct {
	ID                    int    `gorm:"primaryKey;autoIncrement:false"`
	FullName              string `gorm:"size:128;not null"`
	ShortName             string `gorm:"size:64;not null"`
	USCC                  string `gorm:"column:uscc;size:18;not null"`
	BusinessScope         string `gorm:"type:text;not null"` // JSON array
	RegistrationAuthority string `gorm:"size:128;not null"`
	RegisteredOn          time.Time
	UpdatedAt             time.Time `gorm:"not null"`
}

func (v4Association) TableName() string { return "association" }

type v4Body struct {
	ID              int64     `gorm:"primaryKey"`
	Kind            string    `gorm:"size:32;not null;index:ix_bodies_kind"`
	Name            string    `gorm:"size:128;not null"`
	TermNo          int       `gorm:"not null"`
	TermStart       time.Time `gorm:"not null"`
	TermEnd         time.Time `gorm:"not null"`
	Seats           string    `gorm:"type:mediumtext;not null"` // JSON: [{member_id}|{person_name}]
	QuorumNum       int       `gorm:"not null"`
	QuorumDen       int       `gorm:"not null"`
	MajorityNum     int       `gorm:"not null"`
	MajorityDen     int       `gorm:"not null"`
	SpecialNum      int       `gorm:"not null"`
	SpecialDen      int       `gorm:"not null"`
	Powers          string    `gorm:"type:text"`
	FormationMethod string    `gorm:"type:text"`
	RemovalMethod   string    `gorm:"type:text"`
	CreatedAt       time.Time `gorm:"not null"`
	UpdatedAt       time.Time `gorm:"not null"`
}

func (v4Body) TableName() string { return "bodies" }

type v4Meeting struct {
	ID         int64     `gorm:"primaryKey"`
	BodyID     int64     `gorm:"not null;index:ix_meetings_body,priority:1"`
	Kind       string    `gorm:"size:16;not null"`
	Title      string    `gorm:"size:255;not null"`
	HeldOn     time.Time `gorm:"not null;index:ix_meetings_body,priority:2;index:ix_meetings_held"`
	Place      string    `gorm:"size:255"`
	Agenda     string    `gorm:"type:text"`
	Minutes    string    `gorm:"type:mediumtext"`
	Attendance string    `gorm:"type:mediumtext;not null"` // JSON
	Seats      int       `gorm:"not null"`
	Attending  int       `gorm:"not null"`
	CreatedAt  time.Time `gorm:"not null"`
}

func (v4Meeting) TableName() string { return "meetings" }

type v4Resolution struct {
	ID           int64     `gorm:"primaryKey"`
	MeetingID    int64     `gorm:"not null;index:ix_resolutions_meeting"`
	BodyID       int64     `gorm:"not null"`
	BodyKind     string    `gorm:"size:32;not null;index:ix_resolutions_lookup,priority:2"`
	HeldOn       time.Time `gorm:"not null"`
	Title        string    `gorm:"size:255;not null"`
	Text         string    `gorm:"type:text"`
	Kind         string    `gorm:"size:32;not null;index:ix_resolutions_lookup,priority:1"`
	VotesFor     int       `gorm:"not null"`
	VotesAgainst int       `gorm:"not null"`
	VotesAbstain int       `gorm:"not null"`
	Outcome      string    `gorm:"size:16;not null;index:ix_resolutions_lookup,priority:3"`
	SupersedesID *int64    `gorm:"uniqueIndex:ux_resolutions_supersedes"`
	SupersededBy *int64
	CreatedAt    time.Time `gorm:"not null"`
}

func (v4Resolution) TableName() string { return "resolutions" }

type v4PositionType struct {
	Title             string    `gorm:"primaryKey;size:32"`
	Powers            string    `gorm:"type:text"`
	AppointmentMethod string    `gorm:"type:text"`
	RemovalMethod     string    `gorm:"type:text"`
	TermYears         int       `gorm:"not null"`
	UpdatedAt         time.Time `gorm:"not null"`
}

func (v4PositionType) TableName() string { return "position_types" }

type v4Tenure struct {
	ID           int64     `gorm:"primaryKey"`
	Title        string    `gorm:"size:32;not null;index:ix_tenures_person,priority:1"`
	PersonName   string    `gorm:"size:64;not null;index:ix_tenures_person,priority:2"`
	MemberID     *int64    `gorm:"index:ix_tenures_member"`
	FullTime     bool      `gorm:"not null"`
	TermNo       int       `gorm:"not null"`
	TermStart    time.Time `gorm:"not null"`
	TermEnd      time.Time `gorm:"not null"`
	ResolutionID *int64
	CreatedAt    time.Time `gorm:"not null"`
}

func (v4Tenure) TableName() string { return "tenures" }

type v4Branch struct {
	ID           int64  `gorm:"primaryKey"`
	Kind         string `gorm:"size:32;not null"`
	Name         string `gorm:"size:191;not null;uniqueIndex:ux_branches_name"`
	Scope        string `gorm:"type:text;not null"` // JSON array
	Head         string `gorm:"size:64;not null"`
	ResolutionID *int64
	Status       string    `gorm:"size:16;not null;index:ix_branches_status"`
	SuffixReview string    `gorm:"type:text"` // JSON or ""
	PlaceReview  string    `gorm:"type:text"` // JSON or ""
	CreatedAt    time.Time `gorm:"not null"`
	UpdatedAt    time.Time `gorm:"not null"`
}

func (v4Branch) TableName() string { return "branches" }

func governance(tx *gorm.DB, d db.Dialect) error {
	return db.CreateTables(tx, &v4Association{}, &v4Body{}, &v4Meeting{}, &v4Resolution{}, &v4PositionType{}, &v4Tenure{}, &v4Branch{})
}
