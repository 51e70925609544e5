// Package member runs the member registry: tiers, applications and the
// lifecycle, and the roster as each viewer may see it (8.1.2.3 密级管理).
package member

import (
	"context"
	"time"

	"huiguan/app"
	"huiguan/domain/member"
)

// Tiers stores membership tiers.
type Tiers interface {
	Create(ctx context.Context, t *member.Tier) error
	Update(ctx context.Context, t member.Tier) error
	Get(ctx context.Context, id int64) (member.Tier, error)
	List(ctx context.Context, activeOnly bool) ([]member.Tier, error)
	CountActive(ctx context.Context, exceptID int64) (int, error)
}

// Members stores the roster.
type Members interface {
	Create(ctx context.Context, m *member.Member) error
	// CreateMany inserts applicants in batches (imports).
	CreateMany(ctx context.Context, ms []*member.Member) error
	// ExistingUSCCs returns which of the codes are already registered.
	ExistingUSCCs(ctx context.Context, codes []string) (map[string]bool, error)
	Get(ctx context.Context, id int64) (*member.Member, error)
	GetForUpdate(ctx context.Context, id int64) (*member.Member, error)
	Update(ctx context.Context, m *member.Member) error
	List(ctx context.Context, f Filter, p app.Page) (app.List[*member.Member], error)
	AddEvent(ctx context.Context, e Event) error
	AddEvents(ctx context.Context, es []Event) error
	Events(ctx context.Context, memberID int64) ([]Event, error)
	Exists(ctx context.Context, id int64) (bool, error)
	CountCurrent(ctx context.Context) (int64, error)
	Codes(ctx context.Context, ids []int64) (map[int64]string, error)
	SearchNames(ctx context.Context, q string, limit int) ([]int64, error)
	// EachCurrent calls fn with the id and tier of every current unit.
	EachCurrent(ctx context.Context, fn func(id, tierID int64) error) error
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
	// Stats counts current units (active and suspended) by dimension;
	// reviewedBefore marks the review period's cut-off.
	Stats(ctx context.Context, reviewedBefore time.Time) (Stats, error)
	// ReviewDue lists current units not reviewed since reviewedBefore.
	ReviewDue(ctx context.Context, reviewedBefore time.Time) ([]*member.Member, error)
	// Each streams every unit matching f, in id order, in batches.
	Each(ctx context.Context, f Filter, fn func(*member.Member) error) error
}

// Locks serialises rules that span rows and hands out public numbers.
type Locks interface {
	Lock(ctx context.Context, name string) error
	Next(ctx context.Context, sequence string) (int64, error)
}

// Filter narrows the roster. Query matches the name, or the USCC exactly;
// Phone matches a representative's phone through its blind index and is
// honoured only for viewers cleared for it.
type Filter struct {
	Query         string
	Phone         string
	Status        member.Status
	TierID        int64
	Region        string
	Industry      string
	ChainSegment  string
	JoinYear      int
	Risk          string // a warning level, or "any"
	Sort          string
	DirectoryOnly bool // active and suspended units only (the public directory)
}

// Event is one lifecycle change.
type Event struct {
	MemberID   int64
	At         time.Time
	FromStatus member.Status
	ToStatus   member.Status
	Reason     string
	Ref        string
	ActorName  string
}

// ChangeRequest is a unit's own request to change its roster entry.
type ChangeRequest struct {
	ID           int64
	MemberID     int64
	MemberName   string
	Edit         member.Edit
	Note         string
	Status       string // pending, applied, rejected
	RequestedBy  string
	RequestedAt  time.Time
	DecidedBy    string
	DecidedAt    *time.Time
	DecisionNote string
}

// ChangeRequests stores change requests.
type ChangeRequests interface {
	Create(ctx context.Context, r *ChangeRequest) error
	GetForUpdate(ctx context.Context, id int64) (ChangeRequest, error)
	Update(ctx context.Context, r ChangeRequest) error
	List(ctx context.Context, status string, memberID int64, p app.Page) (app.List[ChangeRequest], error)
}

// Settings stores association-level values.
type Settings interface {
	Get(ctx context.Context, key string) (string, bool, error)
	Set(ctx context.Context, key, value string) error
}

// Count is a number of units under a key.
type Count struct {
	Key   string
	Count int64
}

// YearCount is the joins and departures of one year.
type YearCount struct {
	Year   int
	Joined int64
	Left   int64
}

// Stats are the roster's structure (8.1.2.4).
type Stats struct {
	ByStatus       []Count
	ByTier         []Count // key: tier id
	ByRegion       []Count
	ByIndustry     []Count
	ByChainSegment []Count
	Trend          []YearCount
	ReviewDue      int64 // current units not reviewed within the review period
	WithRisk       int64 // current units with an uncleared warning
}
