// Package governance runs the governance register: the association's
// profile, bodies, meetings and resolutions, officers and branches. Other
// modules ask it whether a decision was properly taken (Resolutions).
package governance

import (
	"context"
	"time"

	"huiguan/app"
	gov "huiguan/domain/governance"
)

// Store keeps governance records.
type Store interface {
	Association(ctx context.Context) (gov.Association, bool, error)
	SaveAssociation(ctx context.Context, a gov.Association) error

	CreateBody(ctx context.Context, b *gov.Body) error
	UpdateBody(ctx context.Context, b gov.Body) error
	Body(ctx context.Context, id int64) (gov.Body, error)
	Bodies(ctx context.Context) ([]gov.Body, error)

	CreateMeeting(ctx context.Context, m *gov.Meeting) error
	Meeting(ctx context.Context, id int64) (gov.Meeting, error)
	Meetings(ctx context.Context, f MeetingFilter, p app.Page) (app.List[gov.Meeting], error)
	// ElectionSince reports whether the body held an election meeting on or after since.
	ElectionSince(ctx context.Context, bodyID int64, since time.Time) (bool, error)

	CreateResolution(ctx context.Context, r *gov.Resolution) error
	// Supersede marks old as superseded by new; the unique index on
	// supersedes refuses a second correction of one resolution.
	Supersede(ctx context.Context, oldID, newID int64) error
	Resolution(ctx context.Context, id int64) (gov.Resolution, error)
	ResolutionForUpdate(ctx context.Context, id int64) (gov.Resolution, error)
	Resolutions(ctx context.Context, f ResolutionFilter, p app.Page) (app.List[gov.Resolution], error)

	SavePositionType(ctx context.Context, p gov.PositionType) error
	PositionTypes(ctx context.Context) ([]gov.PositionType, error)
	CreateTenure(ctx context.Context, t *gov.Tenure) error
	Tenures(ctx context.Context, f TenureFilter) ([]gov.Tenure, error)

	CreateBranch(ctx context.Context, b *gov.Branch) error
	UpdateBranch(ctx context.Context, b gov.Branch) error
	BranchForUpdate(ctx context.Context, id int64) (gov.Branch, error)
	Branches(ctx context.Context) ([]gov.Branch, error)
}

// MeetingFilter narrows meetings.
type MeetingFilter struct {
	BodyID   int64
	From, To *time.Time
}

// ResolutionFilter narrows resolutions.
type ResolutionFilter struct {
	Kind      gov.ResolutionKind
	BodyKind  gov.BodyKind
	Outcome   gov.Outcome
	MeetingID int64
	Query     string
	// Current leaves out superseded resolutions.
	Current bool
}

// TenureFilter narrows tenures.
type TenureFilter struct {
	Title      gov.Title
	PersonName string
	MemberID   int64
	On         *time.Time // in office on this day
}

// Members answers the registry questions governance asks.
type Members interface {
	// CurrentCount is the number of current member units (the seats of a
	// general assembly that has no roster of its own).
	CurrentCount(ctx context.Context) (int, error)
	// Standing reports whether a unit is a current member without an open
	// risk warning (R-7.3.3.1-c), and its name.
	Standing(ctx context.Context, id int64) (name string, current, clean bool, err error)
	Exists(ctx context.Context, id int64) (bool, error)
}

// Policy is the module's configuration.
type Policy struct {
	MaxConsecutiveTerms int // MAX_CONSECUTIVE_TERMS_FULLTIME
	ElectionWarnDays    int // 换届提醒 before a term ends
}
