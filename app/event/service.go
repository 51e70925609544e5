package event

import (
	"context"
	"crypto/rand"
	"errors"
	"strconv"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/event"
	"huiguan/domain/identity"
)

// Rechecker re-evaluates compliance rules after a change.
type Rechecker interface {
	RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
}

// CreditCheck answers whether the credit lists refuse a unit's registration.
type CreditCheck interface {
	CheckEventRegistration(ctx context.Context, memberID int64) error
}

// Service holds the event use cases.
type Service struct {
	credit   CreditCheck // nil until the credit module is wired
	store    Store
	members  Members
	audit    *audit.Log
	tx       app.Tx
	clock    app.Clock
	policy   Policy
	findings Rechecker
}

// Deps are the service's collaborators.
type Deps struct {
	Store    Store
	Members  Members
	Audit    *audit.Log
	Tx       app.Tx
	Clock    app.Clock
	Policy   Policy
	Findings Rechecker
}

// NewService builds the event service.
func NewService(d Deps) *Service {
	return &Service{store: d.Store, members: d.Members, audit: d.Audit, tx: d.Tx, clock: d.Clock, policy: d.Policy, findings: d.Findings}
}

func notFound(err error, entity string) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound(entity)
	}
	return err
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func principal(ctx context.Context) app.Principal {
	p, _ := app.PrincipalFrom(ctx)
	return p
}

// Team reports whether the principal is on the organising side that may
// see attendees' personal data in full (8.2.1.3).
func Team(p app.Principal) bool { return p.HasRole(identity.Secretariat) || p.HasRole(identity.Admin) }

func (s *Service) recheckEvent(ctx context.Context, eventID int64) error {
	if s.findings == nil {
		return nil
	}
	for _, rule := range []string{RuleSafetyGate, RuleEmergency, RulePlan} {
		if err := s.findings.RecheckObject(ctx, rule, "event", id(eventID)); err != nil {
			return err
		}
	}
	return nil
}

// ---- events ----

// SaveEvent creates (ID 0) or updates an event's plan while it is not finished.
func (s *Service) SaveEvent(ctx context.Context, e event.Event) (event.Event, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		action := "event.create"
		var before any
		if e.ID == 0 {
			e.Status = event.Draft
			if err := s.store.CreateEvent(ctx, &e); err != nil {
				return err
			}
		} else {
			old, err := s.store.EventForUpdate(ctx, e.ID)
			if err != nil {
				return notFound(err, "event")
			}
			if err := old.Editable(); err != nil {
				return err
			}
			// The lifecycle and the gate have their own use cases.
			e.Status, e.Filing, e.Inspection, e.Emergency, e.ClosedAt, e.AnonymisedAt, e.Summary =
				old.Status, old.Filing, old.Inspection, old.Emergency, old.ClosedAt, old.AnonymisedAt, old.Summary
			if e.Status != event.Draft && strings.TrimSpace(e.Lead) == "" {
				return errs.Rule("event.no_lead", event.ClauseLead)
			}
			before, action = old, "event.update"
			if err := s.store.UpdateEvent(ctx, e); err != nil {
				return err
			}
		}
		if err := s.recheckEvent(ctx, e.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: action, Entity: "event", EntityID: e.ID, Before: before, After: e})
	})
	return e, err
}

// Event returns one event.
func (s *Service) Event(ctx context.Context, eventID int64) (event.Event, error) {
	e, err := s.store.Event(ctx, eventID)
	return e, notFound(err, "event")
}

// Events lists events.
func (s *Service) Events(ctx context.Context, f Filter, p app.Page) (app.List[event.Event], error) {
	f.Now = s.clock.Now()
	return s.store.Events(ctx, f, p)
}

// SetCredit wires the credit lists' effect on registration (8.4.1.5).
func (s *Service) SetCredit(c CreditCheck) { s.credit = c }

// Large reports whether the safety gate applies to e.
func (s *Service) Large(e event.Event) bool { return e.Large(s.policy.LargeThreshold) }

// change loads an editable event under lock, applies fn, stores and audits it.
func (s *Service) change(ctx context.Context, eventID int64, action string, fn func(e *event.Event) error) (event.Event, error) {
	var e event.Event
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if e, err = s.store.EventForUpdate(ctx, eventID); err != nil {
			return notFound(err, "event")
		}
		before := e
		if err := fn(&e); err != nil {
			return err
		}
		if err := s.store.UpdateEvent(ctx, e); err != nil {
			return err
		}
		if err := s.recheckEvent(ctx, e.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: action, Entity: "event", EntityID: e.ID, Before: before, After: e})
	})
	return e, err
}

// RecordFiling records the safety filing (活动安全报备).
func (s *Service) RecordFiling(ctx context.Context, eventID int64, f event.SafetyFiling) (event.Event, error) {
	fields := map[string]string{}
	if strings.TrimSpace(f.Authority) == "" {
		fields["authority"] = "required"
	}
	if strings.TrimSpace(f.FilingNo) == "" {
		fields["filing_no"] = "required"
	}
	if f.FiledOn.IsZero() {
		fields["filed_on"] = "required"
	}
	if len(fields) > 0 {
		return event.Event{}, errs.Invalid("request.invalid_fields", fields)
	}
	return s.change(ctx, eventID, "event.safety_filing", func(e *event.Event) error {
		if err := e.Editable(); err != nil {
			return err
		}
		e.Filing = &f
		return nil
	})
}

// InspectionItem is one fire-inspection result.
type InspectionItem struct {
	Item string // evacuation_signs, exits_clear, equipment_valid
	OK   bool
	Note string
}

// RecordInspection records fire-inspection items, each with who checked and when.
func (s *Service) RecordInspection(ctx context.Context, eventID int64, items []InspectionItem) (event.Event, error) {
	if len(items) == 0 {
		return event.Event{}, errs.Field("items", "required")
	}
	p := principal(ctx)
	now := s.clock.Now()
	return s.change(ctx, eventID, "event.fire_inspection", func(e *event.Event) error {
		if err := e.Editable(); err != nil {
			return err
		}
		for _, it := range items {
			c := event.Check{OK: it.OK, CheckedBy: p.Username, CheckedAt: now, Note: strings.TrimSpace(it.Note)}
			switch it.Item {
			case "evacuation_signs":
				e.Inspection.EvacuationSigns = c
			case "exits_clear":
				e.Inspection.ExitsClear = c
			case "equipment_valid":
				e.Inspection.EquipmentValid = c
			default:
				return errs.Field("items", "invalid")
			}
		}
		return nil
	})
}

// RecordEmergencyPlan records the emergency plan (8.2.1.6).
func (s *Service) RecordEmergencyPlan(ctx context.Context, eventID int64, plan event.EmergencyPlan) (event.Event, error) {
	return s.change(ctx, eventID, "event.emergency_plan", func(e *event.Event) error {
		if err := e.Editable(); err != nil {
			return err
		}
		e.Emergency = plan
		return nil
	})
}

// Transition is publish, hold, close or cancel; Warnings are what a large
// event published with an incomplete gate still lacks.
func (s *Service) Transition(ctx context.Context, eventID int64, action string) (event.Event, []string, error) {
	var warnings []string
	e, err := s.change(ctx, eventID, "event."+action, func(e *event.Event) error {
		var err error
		switch action {
		case "publish":
			warnings, err = e.Publish(s.policy.LargeThreshold)
		case "hold":
			err = e.Hold(s.policy.LargeThreshold)
		case "close":
			err = e.Close(s.clock.Now())
		case "cancel":
			err = e.Cancel()
		default:
			err = errs.NotFound("route")
		}
		return err
	})
	return e, warnings, err
}

// SetSummary records the summary after the event.
func (s *Service) SetSummary(ctx context.Context, eventID int64, summary string) (event.Event, error) {
	if strings.TrimSpace(summary) == "" {
		return event.Event{}, errs.Field("summary", "required")
	}
	return s.change(ctx, eventID, "event.summary", func(e *event.Event) error {
		if e.Status != event.Closed && e.Status != event.Held {
			return errs.Rule("event.not_held", "").With("status", string(e.Status))
		}
		e.Summary = strings.TrimSpace(summary)
		return nil
	})
}

// ---- tasks and providers ----

// SaveTask creates (ID 0) or updates a task.
func (s *Service) SaveTask(ctx context.Context, t event.Task) (event.Task, error) {
	if t.Status == "" {
		t.Status = "todo"
	}
	if err := event.ValidateTask(t); err != nil {
		return t, err
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		e, err := s.store.Event(ctx, t.EventID)
		if err != nil {
			return notFound(err, "event")
		}
		if err := e.Editable(); err != nil {
			return err
		}
		if t.ID == 0 {
			err = s.store.CreateTask(ctx, &t)
		} else {
			if _, err := s.store.Task(ctx, t.EventID, t.ID); err != nil {
				return notFound(err, "task")
			}
			err = s.store.UpdateTask(ctx, t)
		}
		if err != nil {
			return err
		}
		if err := s.recheckEvent(ctx, e.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "event.task", Entity: "event_task", EntityID: t.ID, After: t})
	})
	return t, err
}

// Tasks lists an event's tasks.
func (s *Service) Tasks(ctx context.Context, eventID int64) ([]event.Task, error) {
	return s.store.Tasks(ctx, eventID)
}

// SaveProvider creates (ID 0) or updates a provider; engaging one needs a
// contract (8.2.1.2).
func (s *Service) SaveProvider(ctx context.Context, p event.Provider, engage bool) (event.Provider, error) {
	if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Service) == "" {
		return p, errs.Invalid("request.invalid_fields", map[string]string{"name": "required", "service": "required"})
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if _, err := s.store.Event(ctx, p.EventID); err != nil {
			return notFound(err, "event")
		}
		p.Engaged = false
		if engage {
			if err := p.Engage(); err != nil {
				return err
			}
		}
		var err error
		if p.ID == 0 {
			err = s.store.CreateProvider(ctx, &p)
		} else {
			if _, err := s.store.Provider(ctx, p.EventID, p.ID); err != nil {
				return notFound(err, "provider")
			}
			err = s.store.UpdateProvider(ctx, p)
		}
		if err != nil {
			return err
		}
		if s.findings != nil {
			if err := s.findings.RecheckObject(ctx, RuleQualifications, "provider", id(p.ID)); err != nil {
				return err
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: "event.provider", Entity: "event_provider", EntityID: p.ID, After: p})
	})
	return p, err
}

// Providers lists an event's providers.
func (s *Service) Providers(ctx context.Context, eventID int64) ([]event.Provider, error) {
	return s.store.Providers(ctx, eventID)
}

// ---- registration ----

const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func newCode() (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b), nil
}

// Register records a registration: within capacity it is registered,
// beyond it waitlisted — never over capacity, because the event row is
// locked while the places are counted.
func (s *Service) Register(ctx context.Context, eventID int64, r event.Registration) (event.Registration, error) {
	if r.MemberID != nil && s.credit != nil {
		if err := s.credit.CheckEventRegistration(ctx, *r.MemberID); err != nil {
			return r, err
		}
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		e, err := s.store.EventForUpdate(ctx, eventID)
		if err != nil {
			return notFound(err, "event")
		}
		if r, err = event.NewRegistration(e, r, s.clock.Now()); err != nil {
			return err
		}
		n, err := s.store.CountRegistered(ctx, eventID)
		if err != nil {
			return err
		}
		r.Place(n, e.Capacity)
		if r.Code, err = newCode(); err != nil {
			return err
		}
		if err := s.store.CreateRegistration(ctx, &r); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Conflict("registration.duplicate")
			}
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "registration.create", Entity: "registration", EntityID: r.ID,
			After: map[string]any{"event_id": eventID, "status": r.Status, "member_id": r.MemberID}})
	})
	return r, err
}

// CancelRegistration cancels a registration and promotes the first on the
// waitlist into the freed place. ownMember limits it to one unit's own.
func (s *Service) CancelRegistration(ctx context.Context, eventID, regID int64, ownMember *int64) (event.Registration, error) {
	var r event.Registration
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if _, err := s.store.EventForUpdate(ctx, eventID); err != nil {
			return notFound(err, "event")
		}
		var err error
		if r, err = s.store.Registration(ctx, eventID, regID); err != nil {
			return notFound(err, "registration")
		}
		if ownMember != nil && (r.MemberID == nil || *r.MemberID != *ownMember) {
			return errs.NotFound("registration")
		}
		if r.Status == event.Withdrawn {
			return errs.Conflict("registration.cancelled")
		}
		freed := r.Status == event.Registered
		r.Status = event.Withdrawn
		if err := s.store.UpdateRegistration(ctx, r); err != nil {
			return err
		}
		if freed {
			next, err := s.store.FirstWaitlisted(ctx, eventID)
			if err != nil {
				return err
			}
			if next != nil {
				next.Status = event.Registered
				if err := s.store.UpdateRegistration(ctx, *next); err != nil {
					return err
				}
				if err := s.audit.Record(ctx, audit.Change{Action: "registration.promote", Entity: "registration", EntityID: next.ID}); err != nil {
					return err
				}
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: "registration.cancel", Entity: "registration", EntityID: r.ID})
	})
	return r, err
}

// CheckIn admits the holder of a code.
func (s *Service) CheckIn(ctx context.Context, eventID int64, code string) (event.Registration, error) {
	var r event.Registration
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		e, err := s.store.EventForUpdate(ctx, eventID)
		if err != nil {
			return notFound(err, "event")
		}
		if r, err = s.store.RegistrationByCode(ctx, eventID, strings.ToUpper(strings.TrimSpace(code))); err != nil {
			if errors.Is(err, errs.ErrNotFound) {
				return errs.Rule("checkin.unknown_code", "")
			}
			return err
		}
		if err := r.CheckIn(e, s.clock.Now()); err != nil {
			return err
		}
		if err := s.store.UpdateRegistration(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "registration.checkin", Entity: "registration", EntityID: r.ID})
	})
	return r, err
}

// Survey records an attendee's satisfaction score by their code.
func (s *Service) Survey(ctx context.Context, eventID int64, code string, score int, comment string) error {
	if score < 1 || score > 5 {
		return errs.Field("score", "range").With("min", 1).With("max", 5)
	}
	return s.tx.Do(ctx, func(ctx context.Context) error {
		r, err := s.store.RegistrationByCode(ctx, eventID, strings.ToUpper(strings.TrimSpace(code)))
		if err != nil {
			return errs.Rule("checkin.unknown_code", "")
		}
		if r.CheckedInAt == nil {
			return errs.Rule("survey.not_attended", "")
		}
		if r.Score != nil {
			return errs.Conflict("survey.done")
		}
		r.Score, r.Comment = &score, strings.TrimSpace(comment)
		if err := s.store.UpdateRegistration(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "registration.survey", Entity: "registration", EntityID: r.ID, After: map[string]any{"score": score}})
	})
}

// Registrations lists an event's registrations.
func (s *Service) Registrations(ctx context.Context, eventID int64, f RegFilter, p app.Page) (app.List[event.Registration], error) {
	return s.store.Registrations(ctx, eventID, f, p)
}

// MyRegistrations lists the principal's unit's registrations.
func (s *Service) MyRegistrations(ctx context.Context) ([]event.Registration, error) {
	p := principal(ctx)
	if p.MemberID == nil {
		return nil, nil
	}
	return s.store.MemberRegistrations(ctx, *p.MemberID)
}

// Stats returns attendance figures.
func (s *Service) Stats(ctx context.Context, eventID int64) (Stats, error) {
	if _, err := s.store.Event(ctx, eventID); err != nil {
		return Stats{}, notFound(err, "event")
	}
	return s.store.Stats(ctx, eventID)
}

// MemberNames names units for screens.
func (s *Service) MemberNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	return s.members.Names(ctx, ids)
}

// EachRegistration streams an event's registrations (exports), audited by
// the caller with its purpose and count.
func (s *Service) EachRegistration(ctx context.Context, eventID int64, fn func(event.Registration) error) error {
	return s.store.EachRegistration(ctx, eventID, fn)
}

// AuditExport records an export of attendee data with its purpose.
func (s *Service) AuditExport(ctx context.Context, eventID int64, purpose string, rows int) error {
	return s.audit.Record(ctx, audit.Change{Action: "registration.export", Entity: "event", EntityID: eventID,
		After: map[string]any{"purpose": purpose, "rows": rows}})
}

// Anonymise erases attendee data of events closed longer ago than the
// retention period (the job runs it daily), keeping the counts.
func (s *Service) Anonymise(ctx context.Context) (int, error) {
	cut := s.clock.Now().AddDate(0, 0, -s.policy.RetentionDays)
	closed, err := s.store.Events(ctx, Filter{Status: event.Closed}, app.Page{Page: 1, PageSize: app.MaxPageSize})
	if err != nil {
		return 0, err
	}
	total := 0
	for _, e := range closed.Items {
		if e.AnonymisedAt != nil || e.ClosedAt == nil || e.ClosedAt.After(cut) {
			continue
		}
		err := s.tx.Do(ctx, func(ctx context.Context) error {
			n, err := s.store.AnonymiseEvent(ctx, e.ID, s.clock.Now())
			if err != nil {
				return err
			}
			total += n
			return s.audit.Record(ctx, audit.Change{Action: "event.anonymise", Entity: "event", EntityID: e.ID, After: map[string]any{"registrations": n}})
		})
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// retentionEnds is when an event's attendee data is due for erasure.
func (s *Service) retentionEnds(e event.Event) time.Time {
	if e.ClosedAt == nil {
		return time.Time{}
	}
	return e.ClosedAt.AddDate(0, 0, s.policy.RetentionDays)
}
