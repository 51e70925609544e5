package migrations

import (
	"time"

	"gorm.io/gorm"

	"huiguan/domain/audit"
	"huiguan/infra/db"
)

type v1User struct {
	ID            int64  `gorm:"primaryKey"`
	Username      string `gorm:"size:64;not null;uniqueIndex:ux_users_username"`
	DisplayName   string `gorm:"size:191;not null"`
	PasswordHash  string `gorm:"size:100;not null"`
	MemberID      *int64 `gorm:"index:ix_users_member"`
	Disabled      bool   `gorm:"not null;default:false"`
	Locale        string `gorm:"size:8;not null;default:zh-CN"`
	FailedLogins  int    `gorm:"not null;default:0"`
	LockedUntil   *time.Time
	LastLoginAt   *time.Time
	PasswordSetAt time.Time `gorm:"not null"`
	CreatedAt     time.Time `gorm:"not null"`
	UpdatedAt     time.Time `gorm:"not null"`
}

func (v1User) TableName() string { return "users" }

type v1UserRole struct {
	UserID int64  `gorm:"primaryKey;autoIncrement:false"`
	Role   string `gorm:"primaryKey;size:32;index:ix_user_roles_role"`
}

func (v1UserRole) TableName() string { return "user_roles" }

type v1Session struct {
	IDHash     string    `gorm:"primaryKey;size:64"`
	UserID     int64     `gorm:"not null;index:ix_sessions_user"`
	CSRFToken  string    `gorm:"size:64;not null"`
	CreatedAt  time.Time `gorm:"not null"`
	LastSeenAt time.Time `gorm:"not null"`
	ExpiresAt  time.Time `gorm:"not null;index:ix_sessions_expires"`
	IP         string    `gorm:"size:64"`
	UserAgent  string    `gorm:"size:255"`
}

func (v1Session) TableName() string { return "sessions" }

type v1LoginThrottle struct {
	Key         string    `gorm:"primaryKey;size:128"`
	Failures    int       `gorm:"not null"`
	WindowStart time.Time `gorm:"not null"`
}

func (v1LoginThrottle) TableName() string { return "login_throttle" }

type v1AuditEntry struct {
	ID        int64     `gorm:"primaryKey"`
	Seq       int64     `gorm:"not null;uniqueIndex:ux_audit_seq"`
	At        time.Time `gorm:"not null;index:ix_audit_at"`
	ActorID   int64     `gorm:"not null"`
	ActorName string    `gorm:"size:64;not null;index:ix_audit_actor"`
	Action    string    `gorm:"size:64;not null;index:ix_audit_action"`
	Entity    string    `gorm:"size:64;not null;index:ix_audit_entity,priority:1"`
	EntityID  string    `gorm:"size:64;not null;index:ix_audit_entity,priority:2"`
	Before    string    `gorm:"type:text"`
	After     string    `gorm:"type:text"`
	RequestID string    `gorm:"size:64;not null"`
	IP        string    `gorm:"size:64;not null"`
	PrevHash  string    `gorm:"size:64;not null"`
	Hash      string    `gorm:"size:64;not null"`
}

func (v1AuditEntry) TableName() string { return "audit_entries" }

// v1AuditHead is one row holding the chain's head; writers lock it, so the
// chain is extended by one transaction at a time on every database.
type v1AuditHead struct {
	ID   int    `gorm:"primaryKey;autoIncrement:false"`
	Seq  int64  `gorm:"not null"`
	Hash string `gorm:"size:64;not null"`
}

func (v1AuditHead) TableName() string { return "audit_head" }

type v1CasbinRule struct {
	ID     int64  `gorm:"primaryKey"`
	Ptype  string `gorm:"size:8;not null;uniqueIndex:ux_casbin_rule,priority:1"`
	V0     string `gorm:"size:128;not null;default:'';uniqueIndex:ux_casbin_rule,priority:2"`
	V1     string `gorm:"size:191;not null;default:'';uniqueIndex:ux_casbin_rule,priority:3"`
	V2     string `gorm:"size:16;not null;default:'';uniqueIndex:ux_casbin_rule,priority:4"`
	V3     string `gorm:"size:64;not null;default:'';uniqueIndex:ux_casbin_rule,priority:5"`
	Source string `gorm:"size:16;not null;default:'default'"`
}

func (v1CasbinRule) TableName() string { return "casbin_rules" }

type v1JobLease struct {
	Name   string    `gorm:"primaryKey;size:64"`
	Holder string    `gorm:"size:128;not null"`
	Until  time.Time `gorm:"not null"`
}

func (v1JobLease) TableName() string { return "job_leases" }

type v1JobRun struct {
	ID         int64     `gorm:"primaryKey"`
	Job        string    `gorm:"size:64;not null;uniqueIndex:ux_job_runs_slot,priority:1"`
	Slot       time.Time `gorm:"not null;uniqueIndex:ux_job_runs_slot,priority:2"`
	Holder     string    `gorm:"size:128;not null"`
	StartedAt  time.Time `gorm:"not null"`
	FinishedAt *time.Time
	Status     string `gorm:"size:16;not null"`
	Error      string `gorm:"type:text"`
}

func (v1JobRun) TableName() string { return "job_runs" }

type v1Finding struct {
	ID          int64  `gorm:"primaryKey"`
	RuleID      string `gorm:"size:64;not null;index:ix_findings_rule"`
	Clause      string `gorm:"size:32;not null;index:ix_findings_clause"`
	Module      string `gorm:"size:32;not null;index:ix_findings_module"`
	ObjectType  string `gorm:"size:64;not null"`
	ObjectID    string `gorm:"size:64;not null"`
	ObjectLabel string `gorm:"size:255;not null"`
	Severity    string `gorm:"size:16;not null"`
	Message     string `gorm:"type:text"`
	// OpenKey is rule/object while the finding is open and NULL once closed:
	// a unique index on it lets the database refuse a second open finding
	// for the same object, while closed history accumulates freely.
	OpenKey  *string   `gorm:"size:191;uniqueIndex:ux_findings_open"`
	OpenedAt time.Time `gorm:"not null"`
	ClosedAt *time.Time
}

func (v1Finding) TableName() string { return "findings" }

func foundation(tx *gorm.DB, _ db.Dialect) error {
	if err := db.CreateTables(tx,
		&v1User{}, &v1UserRole{}, &v1Session{}, &v1LoginThrottle{},
		&v1AuditEntry{}, &v1AuditHead{}, &v1CasbinRule{},
		&v1JobLease{}, &v1JobRun{}, &v1Finding{},
	); err != nil {
		return err
	}
	var n int64
	if err := tx.Model(&v1AuditHead{}).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return tx.Create(&v1AuditHead{ID: 1, Seq: 0, Hash: audit.GenesisHash}).Error
	}
	return nil
}
