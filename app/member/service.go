package member

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/member"
)

// Service holds the registry's use cases.
type Service struct {
	tiers    Tiers
	members  Members
	requests ChangeRequests
	settings Settings
	locks    Locks
	audit    *audit.Log
	tx       app.Tx
	clock    app.Clock
	policy   Policy
	findings Rechecker
	// decisions is nil until the governance register is wired.
	decisions Decisions
}

// Decisions confirms governing-body decisions the registry relies on.
type Decisions interface {
	// Expulsion checks that resolutionID is a passed, current expulsion
	// resolution of the council or the assembly; it returns how to cite it.
	Expulsion(ctx context.Context, resolutionID int64) (string, error)
}

// Rechecker re-evaluates compliance rules for one object.
type Rechecker interface {
	RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
}

// Policy is the registry's configuration.
type Policy struct {
	ReviewMonths int // RECORD_REVIEW_MONTHS (8.1.2.4)
}

// Deps are the registry's collaborators.
type Deps struct {
	Tiers    Tiers
	Members  Members
	Requests ChangeRequests
	Settings Settings
	Locks    Locks
	Audit    *audit.Log
	Tx       app.Tx
	Clock    app.Clock
	Policy   Policy
	Findings Rechecker // nil: no compliance checks
}

// SetDecisions wires the governance register, after which an expulsion
// must cite a passed expulsion resolution.
func (s *Service) SetDecisions(d Decisions) { s.decisions = d }

// NewService builds the registry service.
func NewService(d Deps) *Service {
	return &Service{tiers: d.Tiers, members: d.Members, requests: d.Requests, settings: d.Settings, locks: d.Locks,
		audit: d.Audit, tx: d.Tx, clock: d.Clock, policy: d.Policy, findings: d.Findings}
}

// ---- tiers ----

// SaveTier creates (ID 0) or replaces a tier. Activating one more tier
// takes the tiers lock, so two concurrent activations cannot both pass the
// four-tier limit.
func (s *Service) SaveTier(ctx context.Context, t member.Tier) (member.Tier, error) {
	t.Name = strings.TrimSpace(t.Name)
	if err := t.Validate(); err != nil {
		return member.Tier{}, err
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.locks.Lock(ctx, "member_tiers"); err != nil {
			return err
		}
		var before any
		if t.ID != 0 {
			old, err := s.tiers.Get(ctx, t.ID)
			if err != nil {
				return notFound(err, "tier")
			}
			before = old
		}
		if t.Active {
			n, err := s.tiers.CountActive(ctx, t.ID)
			if err != nil {
				return err
			}
			if err := member.CheckTierLimit(n); err != nil {
				return err
			}
		}
		action := "tier.update"
		if t.ID == 0 {
			action = "tier.create"
			if err := s.tiers.Create(ctx, &t); err != nil {
				return conflict(err, "tier.name_taken", "name")
			}
		} else if err := s.tiers.Update(ctx, t); err != nil {
			return conflict(err, "tier.name_taken", "name")
		}
		return s.audit.Record(ctx, audit.Change{Action: action, Entity: "tier", EntityID: t.ID, Before: before, After: t})
	})
	return t, err
}

// ListTiers returns the tiers, active ones only when asked.
func (s *Service) ListTiers(ctx context.Context, activeOnly bool) ([]member.Tier, error) {
	return s.tiers.List(ctx, activeOnly)
}

// ---- applications and lifecycle ----

// Apply records an application (staff record it with its channel; the
// public form and imports use the same path). The result is an applicant.
func (s *Service) Apply(ctx context.Context, a member.Application) (View, error) {
	if a.Channel == "" {
		return View{}, errs.Field("channel", "required")
	}
	m, err := member.Apply(a, s.clock.Now())
	if err != nil {
		return View{}, err
	}
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.activeTier(ctx, m.TierID); err != nil {
			return err
		}
		if err := s.members.Create(ctx, m); err != nil {
			return conflict(err, "member.uscc_taken", "uscc")
		}
		if err := s.event(ctx, m, "", a.ApplicationRef); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "member.apply", Entity: "member", EntityID: m.ID, After: auditView(m)})
	})
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, m)
}

func (s *Service) activeTier(ctx context.Context, id int64) error {
	t, err := s.tiers.Get(ctx, id)
	if errors.Is(err, errs.ErrNotFound) || (err == nil && !t.Active) {
		return errs.Field("tier_id", "tier_unknown")
	}
	return err
}

// Transition is a lifecycle action on one unit.
type Transition struct {
	MemberID      int64
	Action        string // approve, suspend, reinstate, withdraw, expel
	Reason        string
	Approver      string
	ResolutionRef string
	ResolutionID  *int64
	On            *time.Time
}

// Transit applies a lifecycle action, records its event and audits it.
func (s *Service) Transit(ctx context.Context, t Transition) (View, error) {
	if t.Action == "expel" && s.decisions != nil {
		if t.ResolutionID == nil {
			return View{}, errs.Field("resolution_id", "required")
		}
		ref, err := s.decisions.Expulsion(ctx, *t.ResolutionID)
		if err != nil {
			return View{}, err
		}
		t.ResolutionRef = ref
	}
	now := s.clock.Now()
	on := now
	if t.On != nil {
		on = *t.On
	}
	var m *member.Member
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if m, err = s.members.GetForUpdate(ctx, t.MemberID); err != nil {
			return notFound(err, "member")
		}
		before := auditView(m)
		from := m.Status
		switch t.Action {
		case "approve":
			n, err := s.locks.Next(ctx, fmt.Sprintf("member_no/%d", now.Year()))
			if err != nil {
				return err
			}
			err = m.Approve(fmt.Sprintf("%d-%05d", now.Year(), n), now)
			if err != nil {
				return err
			}
		case "suspend":
			err = m.Suspend(t.Reason)
		case "reinstate":
			err = m.Reinstate()
		case "withdraw":
			err = m.Withdraw(t.Reason, on)
		case "expel":
			err = m.Expel(t.Reason, t.Approver, t.ResolutionRef, on)
		default:
			return errs.NotFound("route")
		}
		if err != nil {
			return err
		}
		if err := s.members.Update(ctx, m); err != nil {
			return err
		}
		if err := s.event(ctx, m, from, t.ResolutionRef, t.Reason); err != nil {
			return err
		}
		if err := s.recheck(ctx, m.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "member." + t.Action, Entity: "member", EntityID: m.ID, Before: before, After: auditView(m)})
	})
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, m)
}

func (s *Service) event(ctx context.Context, m *member.Member, from member.Status, ref string, reason ...string) error {
	p, _ := app.PrincipalFrom(ctx)
	return s.members.AddEvent(ctx, Event{MemberID: m.ID, At: s.clock.Now(), FromStatus: from, ToStatus: m.Status,
		Reason: strings.Join(reason, ""), Ref: ref, ActorName: p.Username})
}

// ---- reads ----

// Get returns one unit as the principal may see it. Showing a restricted
// field in clear is audited.
func (s *Service) Get(ctx context.Context, id int64) (View, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return View{}, err
	}
	m, err := s.members.Get(ctx, id)
	if err != nil {
		return View{}, notFound(err, "member")
	}
	v := viewerOf(p, m.ID)
	if fields := restrictedShown(v, m); len(fields) > 0 && !v.own {
		if err := s.audit.Record(ctx, audit.Change{Action: "member.read_restricted", Entity: "member", EntityID: m.ID,
			After: map[string]any{"fields": fields}}); err != nil {
			return View{}, err
		}
	}
	return s.viewAs(ctx, m, v)
}

// History lists a unit's lifecycle events.
func (s *Service) History(ctx context.Context, id int64) ([]Event, error) {
	if _, err := s.members.Get(ctx, id); err != nil {
		return nil, notFound(err, "member")
	}
	return s.members.Events(ctx, id)
}

// List returns a page of the roster for staff. A phone search is only
// honoured for viewers cleared to see phones: search never matches on a
// field the viewer cannot see.
func (s *Service) List(ctx context.Context, f Filter, pg app.Page) (app.List[View], error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return app.List[View]{}, err
	}
	if f.Phone != "" && p.Clearance < member.LevelOf(member.FieldMemberRepPhone) {
		return app.List[View]{}, errs.Forbidden("member.search_field_hidden")
	}
	return s.list(ctx, f, pg, viewer{clearance: p.Clearance})
}

// Directory is the member directory anyone may read: name, tier, region,
// industry of current members.
func (s *Service) Directory(ctx context.Context, query string, pg app.Page) (app.List[View], error) {
	return s.list(ctx, Filter{Query: query, DirectoryOnly: true, Sort: "name"}, pg, viewer{clearance: -1})
}

// MyUnit is the portal's own unit, in full.
func (s *Service) MyUnit(ctx context.Context) (View, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return View{}, err
	}
	if p.MemberID == nil {
		return View{}, errs.NotFound("member")
	}
	m, err := s.members.Get(ctx, *p.MemberID)
	if err != nil {
		return View{}, notFound(err, "member")
	}
	return s.viewAs(ctx, m, viewerOf(p, m.ID))
}

func (s *Service) list(ctx context.Context, f Filter, pg app.Page, v viewer) (app.List[View], error) {
	if v.clearance < 0 {
		f.Query = strings.TrimSpace(f.Query) // the directory matches names only: the code is not public
	}
	list, err := s.members.List(ctx, f, pg)
	if err != nil {
		return app.List[View]{}, err
	}
	names, err := s.tierNames(ctx)
	if err != nil {
		return app.List[View]{}, err
	}
	out := app.List[View]{Total: list.Total, Page: list.Page, PageSize: list.PageSize, Items: make([]View, len(list.Items))}
	for i, m := range list.Items {
		out.Items[i] = toView(m, names[m.TierID], v)
	}
	return out, nil
}

func (s *Service) view(ctx context.Context, m *member.Member) (View, error) {
	p, _ := app.PrincipalFrom(ctx)
	return s.viewAs(ctx, m, viewerOf(p, m.ID))
}

func (s *Service) viewAs(ctx context.Context, m *member.Member, v viewer) (View, error) {
	names, err := s.tierNames(ctx)
	if err != nil {
		return View{}, err
	}
	return toView(m, names[m.TierID], v), nil
}

func (s *Service) tierNames(ctx context.Context) (map[int64]string, error) {
	ts, err := s.tiers.List(ctx, false)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(ts))
	for _, t := range ts {
		out[t.ID] = t.Name
	}
	return out, nil
}

// Exists and Names let the identity service link accounts to units.
func (s *Service) Exists(ctx context.Context, id int64) (bool, error) {
	return s.members.Exists(ctx, id)
}

// Names maps unit ids to names.
func (s *Service) Names(ctx context.Context, ids []int64) (map[int64]string, error) {
	return s.members.Names(ctx, ids)
}

// auditView is the audited state of a unit: its public and member-level
// fields and status; confidential values stay out of the audit trail, which
// more people may read than the roster's restricted fields.
func auditView(m *member.Member) map[string]any {
	return map[string]any{
		"name": m.Name, "uscc": string(m.USCC), "unit_type": m.UnitType, "tier_id": m.TierID, "status": m.Status,
		"member_no": m.MemberNo, "region": m.Region, "industry": m.Industry, "chain_segment": m.ChainSegment,
		"council_unit": m.CouncilUnit, "joined_on": m.JoinedOn, "left_on": m.LeftOn, "leave_reason": m.LeaveReason,
	}
}

func notFound(err error, entity string) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound(entity)
	}
	return err
}

func conflict(err error, code, field string) error {
	if errors.Is(err, errs.ErrConflict) {
		return &errs.Error{Kind: errs.ErrConflict, Code: code, Fields: map[string]string{field: "taken"}}
	}
	return err
}

// CurrentCount is the number of current (active or suspended) units.
func (s *Service) CurrentCount(ctx context.Context) (int, error) {
	n, err := s.members.CountCurrent(ctx)
	return int(n), err
}

// Standing reports whether a unit is current and free of open warnings.
func (s *Service) Standing(ctx context.Context, id int64) (string, bool, bool, error) {
	m, err := s.members.Get(ctx, id)
	if errors.Is(err, errs.ErrNotFound) {
		return "", false, false, nil
	}
	if err != nil {
		return "", false, false, err
	}
	current := m.Status == member.Active || m.Status == member.Suspended
	return m.Name, current, m.RiskLevel() == "", nil
}

// TierNames names every tier (the dues module's question).
func (s *Service) TierNames(ctx context.Context) (map[int64]string, error) { return s.tierNames(ctx) }

// ActiveTier reports whether a tier exists and is active.
func (s *Service) ActiveTier(ctx context.Context, tierID int64) (bool, error) {
	t, err := s.tiers.Get(ctx, tierID)
	if errors.Is(err, errs.ErrNotFound) {
		return false, nil
	}
	return err == nil && t.Active, err
}

// EachBillable calls fn for every current unit with its tier.
func (s *Service) EachBillable(ctx context.Context, fn func(memberID, tierID int64) error) error {
	return s.members.EachCurrent(ctx, fn)
}

// Billable returns a unit's tier when the unit is current.
func (s *Service) Billable(ctx context.Context, memberID int64) (int64, bool, error) {
	m, err := s.members.Get(ctx, memberID)
	if errors.Is(err, errs.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return m.TierID, m.Billable(), nil
}

// Codes maps units to their USCCs (a credit list publishes them).
func (s *Service) Codes(ctx context.Context, ids []int64) (map[int64]string, error) {
	return s.members.Codes(ctx, ids)
}

// Search finds units by name for public queries.
func (s *Service) Search(ctx context.Context, q string, limit int) ([]int64, error) {
	return s.members.SearchNames(ctx, q, limit)
}
