package member

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/member"
)

// Edit changes a unit's roster entry (staff).
func (s *Service) Edit(ctx context.Context, id int64, e member.Edit) (View, error) {
	if e.Empty() {
		return View{}, errs.Invalid("request.empty_body", nil)
	}
	var m *member.Member
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		m, err = s.edit(ctx, id, e, "member.update")
		return err
	})
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, m)
}

func (s *Service) edit(ctx context.Context, id int64, e member.Edit, action string) (*member.Member, error) {
	m, err := s.members.GetForUpdate(ctx, id)
	if err != nil {
		return nil, notFound(err, "member")
	}
	if e.TierID != nil && *e.TierID != m.TierID {
		if err := s.activeTier(ctx, *e.TierID); err != nil {
			return nil, err
		}
	}
	before := auditView(m)
	if err := m.ApplyEdit(e, s.clock.Now()); err != nil {
		return nil, err
	}
	if err := s.members.Update(ctx, m); err != nil {
		return nil, err
	}
	if err := s.recheck(ctx, m.ID); err != nil {
		return nil, err
	}
	after := auditView(m)
	// Confidential values stay out of the trail; it names what changed.
	after["changed"] = changedFields(e)
	return m, s.audit.Record(ctx, audit.Change{Action: action, Entity: "member", EntityID: m.ID, Before: before, After: after})
}

func changedFields(e member.Edit) []string {
	var out []string
	for name, set := range map[string]bool{
		"name": e.Name != nil, "address": e.Address != nil, "legal_representative": e.LegalRep != nil,
		"member_representative": e.MemberRep != nil, "council_representative": e.CouncilRep != nil,
		"contacts": e.Contacts != nil, "industry": e.Industry != nil, "chain_segment": e.ChainSegment != nil,
		"region": e.Region != nil, "tier_id": e.TierID != nil, "council_unit": e.CouncilUnit != nil,
		"profile": e.Profile != nil, "warnings": e.Warnings != nil,
	} {
		if set {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Review records that staff checked an entry and found it current (8.1.2.4).
func (s *Service) Review(ctx context.Context, id int64) (View, error) {
	var m *member.Member
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if m, err = s.members.GetForUpdate(ctx, id); err != nil {
			return notFound(err, "member")
		}
		if m.Status.Terminal() {
			return errs.Rule("member.already_left", member.ClauseLifecycle)
		}
		m.MarkReviewed(s.clock.Now())
		if err := s.members.Update(ctx, m); err != nil {
			return err
		}
		if err := s.recheck(ctx, m.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "member.review", Entity: "member", EntityID: m.ID})
	})
	if err != nil {
		return View{}, err
	}
	return s.view(ctx, m)
}

// portalEditable keeps only what a unit may ask to change about itself: its
// contact details and classification, not its tier, warnings or profile.
func portalEditable(e member.Edit) member.Edit {
	return member.Edit{Address: e.Address, LegalRep: e.LegalRep, MemberRep: e.MemberRep, CouncilRep: e.CouncilRep,
		Contacts: e.Contacts, Industry: e.Industry, ChainSegment: e.ChainSegment, Region: e.Region}
}

// RequestChange records the principal's unit asking to change its entry.
// The request is checked now, as an edit would be, so staff receive only
// requests that can be applied.
func (s *Service) RequestChange(ctx context.Context, e member.Edit, note string) (ChangeRequest, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return ChangeRequest{}, err
	}
	if p.MemberID == nil {
		return ChangeRequest{}, errs.NotFound("member")
	}
	e = portalEditable(e)
	if e.Empty() {
		return ChangeRequest{}, errs.Invalid("request.empty_body", nil)
	}
	var r ChangeRequest
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		m, err := s.members.Get(ctx, *p.MemberID)
		if err != nil {
			return notFound(err, "member")
		}
		trial := *m
		if err := trial.ApplyEdit(e, s.clock.Now()); err != nil {
			return err
		}
		r = ChangeRequest{MemberID: m.ID, MemberName: m.Name, Edit: e, Note: strings.TrimSpace(note), Status: "pending",
			RequestedBy: p.Username, RequestedAt: s.clock.Now()}
		if err := s.requests.Create(ctx, &r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "member.request_change", Entity: "member_change_request", EntityID: r.ID,
			After: map[string]any{"member_id": m.ID, "fields": changedFields(e), "note": r.Note}})
	})
	return r, err
}

// ListChangeRequests lists requests; a member-role principal sees only its own unit's.
func (s *Service) ListChangeRequests(ctx context.Context, status string, pg app.Page) (app.List[ChangeRequest], error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return app.List[ChangeRequest]{}, err
	}
	memberID := p.UnitScope()
	switch status {
	case "", "pending", "applied", "rejected":
	default:
		return app.List[ChangeRequest]{}, errs.Invalid("request.invalid_query", map[string]string{"status": "invalid"})
	}
	return s.requests.List(ctx, status, memberID, pg)
}

// DecideChangeRequest applies or rejects a pending request (staff).
func (s *Service) DecideChangeRequest(ctx context.Context, id int64, apply bool, note string) (ChangeRequest, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return ChangeRequest{}, err
	}
	var r ChangeRequest
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if r, err = s.requests.GetForUpdate(ctx, id); err != nil {
			if errors.Is(err, errs.ErrNotFound) {
				return errs.NotFound("change_request")
			}
			return err
		}
		if r.Status != "pending" {
			return errs.Conflict("change_request.decided")
		}
		now := s.clock.Now()
		r.DecidedBy, r.DecidedAt, r.DecisionNote = p.Username, &now, strings.TrimSpace(note)
		r.Status = "rejected"
		if apply {
			r.Status = "applied"
			if _, err := s.edit(ctx, r.MemberID, r.Edit, "member.update"); err != nil {
				return err
			}
		} else if r.DecisionNote == "" {
			return errs.Field("note", "required")
		}
		if err := s.requests.Update(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "member.change_request_" + r.Status, Entity: "member_change_request",
			EntityID: r.ID, After: map[string]any{"member_id": r.MemberID, "status": r.Status, "note": r.DecisionNote}})
	})
	return r, err
}

// SettingIndustryUnits is the number of units in the industry, set by staff,
// the base of the coverage rate.
const SettingIndustryUnits = "member.industry_total_units"

// StatsView is the roster's structure with the coverage rate.
type StatsView struct {
	Stats
	TierNames     map[int64]string
	IndustryUnits int64 // 0 when not set
	Current       int64
	ReviewMonths  int
}

// Statistics computes the roster's structure (8.1.2.4).
func (s *Service) Statistics(ctx context.Context) (StatsView, error) {
	cut := s.clock.Now().AddDate(0, -s.policy.ReviewMonths, 0)
	st, err := s.members.Stats(ctx, cut)
	if err != nil {
		return StatsView{}, err
	}
	names, err := s.tierNames(ctx)
	if err != nil {
		return StatsView{}, err
	}
	out := StatsView{Stats: st, TierNames: names, ReviewMonths: s.policy.ReviewMonths}
	for _, c := range st.ByStatus {
		if c.Key == string(member.Active) || c.Key == string(member.Suspended) {
			out.Current += c.Count
		}
	}
	if v, ok, err := s.settings.Get(ctx, SettingIndustryUnits); err != nil {
		return StatsView{}, err
	} else if ok {
		out.IndustryUnits, _ = strconv.ParseInt(v, 10, 64)
	}
	return out, nil
}

// SetIndustryUnits records the industry's number of units.
func (s *Service) SetIndustryUnits(ctx context.Context, n int64) error {
	if n <= 0 {
		return errs.Field("industry_total_units", "positive")
	}
	return s.tx.Do(ctx, func(ctx context.Context) error {
		old, _, err := s.settings.Get(ctx, SettingIndustryUnits)
		if err != nil {
			return err
		}
		if err := s.settings.Set(ctx, SettingIndustryUnits, strconv.FormatInt(n, 10)); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "setting.update", Entity: "setting", EntityKey: SettingIndustryUnits,
			Before: old, After: strconv.FormatInt(n, 10)})
	})
}
