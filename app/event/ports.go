// Package event runs events and exhibitions (8.2.1): planning, the safety
// gate, providers, registration with capacity and waitlist, check-in,
// attendee privacy and the summary.
package event

import (
	"context"
	"time"

	"huiguan/app"
	"huiguan/domain/event"
)

// Store keeps events and their registrations.
type Store interface {
	CreateEvent(ctx context.Context, e *event.Event) error
	UpdateEvent(ctx context.Context, e event.Event) error
	Event(ctx context.Context, id int64) (event.Event, error)
	EventForUpdate(ctx context.Context, id int64) (event.Event, error)
	Events(ctx context.Context, f Filter, p app.Page) (app.List[event.Event], error)

	CreateTask(ctx context.Context, t *event.Task) error
	UpdateTask(ctx context.Context, t event.Task) error
	Task(ctx context.Context, eventID, id int64) (event.Task, error)
	Tasks(ctx context.Context, eventID int64) ([]event.Task, error)

	CreateProvider(ctx context.Context, p *event.Provider) error
	UpdateProvider(ctx context.Context, p event.Provider) error
	Provider(ctx context.Context, eventID, id int64) (event.Provider, error)
	Providers(ctx context.Context, eventID int64) ([]event.Provider, error)
	AllProviders(ctx context.Context) ([]event.Provider, error)

	// CreateRegistration stores a registration; a second standing
	// registration of one phone for the event is a conflict.
	CreateRegistration(ctx context.Context, r *event.Registration) error
	UpdateRegistration(ctx context.Context, r event.Registration) error
	Registration(ctx context.Context, eventID, id int64) (event.Registration, error)
	RegistrationByCode(ctx context.Context, eventID int64, code string) (event.Registration, error)
	Registrations(ctx context.Context, eventID int64, f RegFilter, p app.Page) (app.List[event.Registration], error)
	MemberRegistrations(ctx context.Context, memberID int64) ([]event.Registration, error)
	CountRegistered(ctx context.Context, eventID int64) (int, error)
	FirstWaitlisted(ctx context.Context, eventID int64) (*event.Registration, error)
	EachRegistration(ctx context.Context, eventID int64, fn func(event.Registration) error) error
	Stats(ctx context.Context, eventID int64) (Stats, error)
	// AnonymiseEvent erases the personal data of an event's registrations.
	AnonymiseEvent(ctx context.Context, eventID int64, at time.Time) (int, error)
}

// Filter narrows events.
type Filter struct {
	Status   event.Status
	Kind     event.Kind
	From, To *time.Time
	Query    string
	Upcoming bool // starting after now, published or held
	Now      time.Time
}

// RegFilter narrows registrations.
type RegFilter struct {
	Status    event.RegStatus
	CheckedIn *bool
}

// Stats are an event's attendance figures.
type Stats struct {
	Registered int
	Waitlisted int
	Cancelled  int
	CheckedIn  int
	Scores     int
	ScoreSum   int
}

// Members names member units for registrations.
type Members interface {
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Policy is the module's configuration.
type Policy struct {
	LargeThreshold int // LARGE_EVENT_THRESHOLD
	FilingWarnDays int // FILING_WARN_DAYS
	RetentionDays  int // attendee data kept after the event closes
}
