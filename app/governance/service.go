package governance

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	gov "huiguan/domain/governance"
)

// Rechecker re-evaluates compliance rules after a change.
type Rechecker interface {
	RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
}

// CreditCheck answers whether the credit lists refuse a unit's officer.
type CreditCheck interface {
	CheckLeadership(ctx context.Context, memberID int64) error
}

// Service holds the governance use cases.
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

// NewService builds the governance service.
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

// SetCredit wires the credit lists' effect on appointments (8.4.1.5).
func (s *Service) SetCredit(c CreditCheck) { s.credit = c }

// ---- association ----

// Association returns the profile; ok is false until it is set.
func (s *Service) Association(ctx context.Context) (gov.Association, bool, error) {
	return s.store.Association(ctx)
}

// SaveAssociation sets the profile. Renaming the association does not rename
// its branches: their names are checked against the new name by a finding.
func (s *Service) SaveAssociation(ctx context.Context, a gov.Association) (gov.Association, error) {
	a, err := gov.NewAssociation(a.FullName, a.ShortName, string(a.USCC), a.BusinessScope, a.RegistrationAuthority, a.RegisteredOn)
	if err != nil {
		return gov.Association{}, err
	}
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		before, _, err := s.store.Association(ctx)
		if err != nil {
			return err
		}
		if err := s.store.SaveAssociation(ctx, a); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "association.update", Entity: "association", EntityKey: "1", Before: before, After: a})
	})
	return a, err
}

// ---- bodies ----

// SaveBody creates (ID 0) or replaces a body and its current term.
func (s *Service) SaveBody(ctx context.Context, b gov.Body) (gov.Body, error) {
	b.Name = strings.TrimSpace(b.Name)
	if b.Rules == (gov.Rules{}) {
		b.Rules = gov.DefaultRules
	}
	if err := b.Validate(); err != nil {
		return gov.Body{}, err
	}
	for _, seat := range b.Seats {
		if seat.MemberID == nil {
			continue
		}
		ok, err := s.members.Exists(ctx, *seat.MemberID)
		if err != nil {
			return gov.Body{}, err
		}
		if !ok {
			return gov.Body{}, errs.Field("members", "member_unknown")
		}
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var before any
		action := "body.create"
		if b.ID != 0 {
			old, err := s.store.Body(ctx, b.ID)
			if err != nil {
				return notFound(err, "body")
			}
			if old.Kind != b.Kind {
				return errs.Rule("body.kind_fixed", "")
			}
			before, action = old, "body.update"
			if err := s.store.UpdateBody(ctx, b); err != nil {
				return err
			}
		} else if err := s.store.CreateBody(ctx, &b); err != nil {
			return err
		}
		if err := s.recheck(ctx, RuleElections, "body", id(b.ID)); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: action, Entity: "body", EntityID: b.ID, Before: before, After: b})
	})
	return b, err
}

// Bodies lists the bodies.
func (s *Service) Bodies(ctx context.Context) ([]gov.Body, error) { return s.store.Bodies(ctx) }

// Body returns one body.
func (s *Service) Body(ctx context.Context, bodyID int64) (gov.Body, error) {
	b, err := s.store.Body(ctx, bodyID)
	return b, notFound(err, "body")
}

// ---- meetings and resolutions ----

// RecordMeeting records a meeting with its attendance; the quorum figures
// are computed against the body's seats at that moment.
func (s *Service) RecordMeeting(ctx context.Context, m gov.Meeting) (gov.Meeting, error) {
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		b, err := s.store.Body(ctx, m.BodyID)
		if err != nil {
			if errors.Is(err, errs.ErrNotFound) {
				return errs.Field("body_id", "body_unknown")
			}
			return err
		}
		seats := len(b.Seats)
		if seats == 0 && b.Kind == gov.GeneralAssembly {
			if seats, err = s.members.CurrentCount(ctx); err != nil {
				return err
			}
		}
		if m, err = gov.RecordMeeting(b, m, seats); err != nil {
			return err
		}
		if err := s.store.CreateMeeting(ctx, &m); err != nil {
			return err
		}
		if m.Kind == gov.Election {
			if err := s.recheck(ctx, RuleElections, "body", id(b.ID)); err != nil {
				return err
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: "meeting.create", Entity: "meeting", EntityID: m.ID,
			After: map[string]any{"body_id": m.BodyID, "kind": m.Kind, "title": m.Title, "held_on": m.HeldOn,
				"seats": m.Seats, "attending": m.Attending, "quorate": m.Quorate(b.Rules)}})
	})
	return m, err
}

// Meeting returns one meeting.
func (s *Service) Meeting(ctx context.Context, meetingID int64) (gov.Meeting, error) {
	m, err := s.store.Meeting(ctx, meetingID)
	return m, notFound(err, "meeting")
}

// Meetings lists meetings, newest first.
func (s *Service) Meetings(ctx context.Context, f MeetingFilter, p app.Page) (app.List[gov.Meeting], error) {
	return s.store.Meetings(ctx, f, p)
}

// AddResolution records a vote of a meeting. The outcome follows from the
// body's rules; an inquorate meeting resolves nothing. A correction names
// the resolution it supersedes, which must be of the same body and kind.
func (s *Service) AddResolution(ctx context.Context, meetingID int64, r gov.Resolution) (gov.Resolution, error) {
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		m, err := s.store.Meeting(ctx, meetingID)
		if err != nil {
			return notFound(err, "meeting")
		}
		b, err := s.store.Body(ctx, m.BodyID)
		if err != nil {
			return err
		}
		if r, err = gov.Decide(b, m, r); err != nil {
			return err
		}
		var old gov.Resolution
		if r.Supersedes != nil {
			if old, err = s.store.ResolutionForUpdate(ctx, *r.Supersedes); err != nil {
				if errors.Is(err, errs.ErrNotFound) {
					return errs.Field("supersedes_id", "resolution_unknown")
				}
				return err
			}
			if old.BodyID != r.BodyID || old.Kind != r.Kind {
				return errs.Rule("resolution.supersede_mismatch", "")
			}
			if old.SupersededBy != nil {
				return errs.Conflict("resolution.already_superseded")
			}
		}
		if err := s.store.CreateResolution(ctx, &r); err != nil {
			return err
		}
		if r.Supersedes != nil {
			if err := s.store.Supersede(ctx, old.ID, r.ID); err != nil {
				if errors.Is(err, errs.ErrConflict) {
					return errs.Conflict("resolution.already_superseded")
				}
				return err
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: "resolution.create", Entity: "resolution", EntityID: r.ID, After: r})
	})
	return r, err
}

// Resolutions lists resolutions, newest first.
func (s *Service) Resolutions(ctx context.Context, f ResolutionFilter, p app.Page) (app.List[gov.Resolution], error) {
	return s.store.Resolutions(ctx, f, p)
}

// Resolution returns one resolution.
func (s *Service) Resolution(ctx context.Context, resolutionID int64) (gov.Resolution, error) {
	r, err := s.store.Resolution(ctx, resolutionID)
	return r, notFound(err, "resolution")
}

// PassedResolution is the question other modules ask: is id a passed,
// current (not superseded) resolution of one of the kinds, taken by one of
// the bodies? It returns the resolution, or a field error naming the field
// (e.g. "resolution_id") with why it does not qualify.
func (s *Service) PassedResolution(ctx context.Context, resolutionID int64, field string, kinds []gov.ResolutionKind, bodies []gov.BodyKind) (gov.Resolution, error) {
	r, err := s.store.Resolution(ctx, resolutionID)
	if errors.Is(err, errs.ErrNotFound) {
		return gov.Resolution{}, errs.Field(field, "resolution_unknown")
	}
	if err != nil {
		return gov.Resolution{}, err
	}
	switch {
	case r.Outcome != gov.Passed:
		return r, errs.Field(field, "resolution_not_passed")
	case r.SupersededBy != nil:
		return r, errs.Field(field, "resolution_superseded")
	case !containsKind(kinds, r.Kind):
		return r, errs.Field(field, "resolution_wrong_kind")
	case !containsBody(bodies, r.BodyKind):
		return r, errs.Field(field, "resolution_wrong_body")
	}
	return r, nil
}

func containsKind(list []gov.ResolutionKind, k gov.ResolutionKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return len(list) == 0
}

func containsBody(list []gov.BodyKind, k gov.BodyKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return len(list) == 0
}

// ---- positions ----

// SavePositionType defines a position's powers and appointment rules.
func (s *Service) SavePositionType(ctx context.Context, p gov.PositionType) (gov.PositionType, error) {
	if _, err := gov.ParseTitle(string(p.Title)); err != nil {
		return p, err
	}
	if p.TermYears < 0 || p.TermYears > 10 {
		return p, errs.Field("term_years", "range").With("min", 1).With("max", 10)
	}
	return p, s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.SavePositionType(ctx, p); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "position_type.update", Entity: "position_type", EntityKey: string(p.Title), After: p})
	})
}

// PositionTypes lists every position, defined or not.
func (s *Service) PositionTypes(ctx context.Context) ([]gov.PositionType, error) {
	saved, err := s.store.PositionTypes(ctx)
	if err != nil {
		return nil, err
	}
	byTitle := map[gov.Title]gov.PositionType{}
	for _, p := range saved {
		byTitle[p.Title] = p
	}
	out := make([]gov.PositionType, len(gov.Titles))
	for i, t := range gov.Titles {
		p, ok := byTitle[t]
		if !ok {
			p = gov.PositionType{Title: t}
		}
		out[i] = p
	}
	return out, nil
}

// Appoint records a holder for a term: the position must be defined, the
// electing resolution passed, the holder's unit a member, and a full-time
// president or secretary-general within the consecutive-term limit.
func (s *Service) Appoint(ctx context.Context, t gov.Tenure) (gov.Tenure, error) {
	if t.ResolutionID == nil {
		return t, errs.Field("resolution_id", "required")
	}
	if _, err := s.PassedResolution(ctx, *t.ResolutionID, "resolution_id", []gov.ResolutionKind{gov.ElectionResult, gov.OtherDecision}, nil); err != nil {
		return t, err
	}
	if t.MemberID != nil {
		if ok, err := s.members.Exists(ctx, *t.MemberID); err != nil || !ok {
			if err != nil {
				return t, err
			}
			return t, errs.Field("member_id", "member_unknown")
		}
		if s.credit != nil {
			if err := s.credit.CheckLeadership(ctx, *t.MemberID); err != nil {
				return t, err
			}
		}
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		types, err := s.PositionTypes(ctx)
		if err != nil {
			return err
		}
		var def gov.PositionType
		for _, p := range types {
			if p.Title == t.Title {
				def = p
			}
		}
		history, err := s.store.Tenures(ctx, TenureFilter{Title: t.Title, PersonName: strings.TrimSpace(t.PersonName)})
		if err != nil {
			return err
		}
		if t, err = gov.Appoint(def, t, history, s.policy.MaxConsecutiveTerms); err != nil {
			return err
		}
		if err := s.store.CreateTenure(ctx, &t); err != nil {
			return err
		}
		if err := s.recheck(ctx, RulePresidentStanding, "tenure", id(t.ID)); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "tenure.create", Entity: "tenure", EntityID: t.ID, After: t})
	})
	return t, err
}

// Tenures lists holders, newest term first.
func (s *Service) Tenures(ctx context.Context, f TenureFilter) ([]gov.Tenure, error) {
	return s.store.Tenures(ctx, f)
}

// ---- branches ----

// CreateBranch records a branch or office under the naming rules; its
// establishing resolution must have passed in the council or the assembly.
func (s *Service) CreateBranch(ctx context.Context, kind gov.BranchKind, name string, scope []string, head string, resolutionID *int64, regional, ownCharter bool) (gov.Branch, error) {
	a, _, err := s.store.Association(ctx)
	if err != nil {
		return gov.Branch{}, err
	}
	b, err := gov.NewBranch(a, kind, name, scope, head, resolutionID, regional, ownCharter)
	if err != nil {
		return gov.Branch{}, err
	}
	if _, err := s.PassedResolution(ctx, *resolutionID, "resolution_id", nil,
		[]gov.BodyKind{gov.GeneralAssembly, gov.Council, gov.StandingCouncil}); err != nil {
		return gov.Branch{}, err
	}
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.CreateBranch(ctx, &b); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return &errs.Error{Kind: errs.ErrConflict, Code: "branch.name_taken", Fields: map[string]string{"name": "taken"}}
			}
			return err
		}
		if err := s.recheckBranch(ctx, b.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "branch.create", Entity: "branch", EntityID: b.ID, After: b})
	})
	return b, err
}

// BranchAction is a review or a status change of a branch.
type BranchAction struct {
	BranchID    int64
	Action      string // review_place, review_suffix, activate, dissolve
	Territorial bool
	Reason      string
}

// ActOnBranch applies a review or a status change.
func (s *Service) ActOnBranch(ctx context.Context, a BranchAction) (gov.Branch, error) {
	p, _ := app.PrincipalFrom(ctx)
	var b gov.Branch
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if b, err = s.store.BranchForUpdate(ctx, a.BranchID); err != nil {
			return notFound(err, "branch")
		}
		before := b
		review := gov.Review{By: p.Username, At: s.clock.Now(), Reason: strings.TrimSpace(a.Reason)}
		switch a.Action {
		case "review_place":
			err = b.ReviewPlace(a.Territorial, review)
		case "review_suffix":
			err = b.ReviewSuffix(review)
		case "activate":
			err = b.Activate()
		case "dissolve":
			if b.Status == gov.Dissolved || b.Status == gov.Rejected {
				err = errs.Rule("branch.not_activatable", "").With("status", string(b.Status))
			}
			b.Status = gov.Dissolved
		default:
			return errs.NotFound("route")
		}
		if err != nil {
			return err
		}
		if err := s.store.UpdateBranch(ctx, b); err != nil {
			return err
		}
		if err := s.recheckBranch(ctx, b.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "branch." + a.Action, Entity: "branch", EntityID: b.ID, Before: before, After: b})
	})
	return b, err
}

// Branches lists branches and offices.
func (s *Service) Branches(ctx context.Context) ([]gov.Branch, error) { return s.store.Branches(ctx) }

func (s *Service) recheck(ctx context.Context, rule, objectType, objectID string) error {
	if s.findings == nil {
		return nil
	}
	return s.findings.RecheckObject(ctx, rule, objectType, objectID)
}

func (s *Service) recheckBranch(ctx context.Context, branchID int64) error {
	for _, rule := range []string{RuleBranchSuffix, RuleBranchPlace, RuleBranchScope} {
		if err := s.recheck(ctx, rule, "branch", id(branchID)); err != nil {
			return err
		}
	}
	return nil
}

// today is the start of the current day in Shanghai, as dates are stored.
func (s *Service) today() time.Time {
	n := s.clock.Now().In(shanghai)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, shanghai)
}

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// Expulsion confirms that resolutionID is a passed, current expulsion
// decision of the council, the standing council or the assembly, and
// returns how to cite it.
func (s *Service) Expulsion(ctx context.Context, resolutionID int64) (string, error) {
	r, err := s.PassedResolution(ctx, resolutionID, "resolution_id", []gov.ResolutionKind{gov.ExpulsionDecision},
		[]gov.BodyKind{gov.GeneralAssembly, gov.Council, gov.StandingCouncil})
	if err != nil {
		return "", err
	}
	return r.Title + "（" + r.HeldOn.In(shanghai).Format("2006-01-02") + "，决议 #" + id(r.ID) + "）", nil
}

// FeeStandard confirms a passed, current fee-standard resolution of the
// general assembly (8.1.1.2) and returns the day it was taken.
func (s *Service) FeeStandard(ctx context.Context, resolutionID int64) (time.Time, error) {
	r, err := s.PassedResolution(ctx, resolutionID, "resolution_id", []gov.ResolutionKind{gov.FeeStandard}, []gov.BodyKind{gov.GeneralAssembly})
	if err != nil {
		return time.Time{}, err
	}
	return r.HeldOn, nil
}

// ActiveBranch reports whether a branch exists and is active.
func (s *Service) ActiveBranch(ctx context.Context, branchID int64) (bool, error) {
	bs, err := s.store.Branches(ctx)
	if err != nil {
		return false, err
	}
	for _, b := range bs {
		if b.ID == branchID {
			return b.Status == gov.ActiveBranch, nil
		}
	}
	return false, nil
}

// AssociationName is the registered full name, or "" before it is set.
func (s *Service) AssociationName(ctx context.Context) (string, error) {
	a, _, err := s.store.Association(ctx)
	return a.FullName, err
}

// InScope reports whether item is one of the association's business-scope
// items (the consulting catalogue's question, 8.2.2.1).
func (s *Service) InScope(ctx context.Context, item string) (bool, error) {
	a, ok, err := s.store.Association(ctx)
	if err != nil || !ok {
		return false, err
	}
	return a.InScope(item), nil
}
