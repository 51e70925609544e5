// Package credit runs the credit lists (8.4.1.5, 8.4.1.6): records, the
// board's decisions on proposals, notice and appeal, expiry and repair,
// the lists' effects on other modules, the public query and the export.
package credit

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/credit"
	"huiguan/domain/errs"
	"huiguan/domain/finding"
	"huiguan/domain/identity"
)

// Store keeps the credit records.
type Store interface {
	CreateRecord(ctx context.Context, r *credit.Record) error
	Records(ctx context.Context, memberID int64, p app.Page) (app.List[credit.Record], error)
	RecordsByID(ctx context.Context, ids []int64) ([]credit.Record, error)

	CreateProposal(ctx context.Context, p *credit.Proposal) error
	ProposalForUpdate(ctx context.Context, id int64) (credit.Proposal, error)
	UpdateProposal(ctx context.Context, p credit.Proposal) error
	Proposals(ctx context.Context, status string, p app.Page) (app.List[credit.Proposal], error)

	CreateEntry(ctx context.Context, e *credit.Entry) error
	UpdateEntry(ctx context.Context, e credit.Entry) error
	EntryForUpdate(ctx context.Context, id int64) (credit.Entry, error)
	ActiveEntries(ctx context.Context, memberID int64) ([]credit.Entry, error)
	Entries(ctx context.Context, f EntryFilter, p app.Page) (app.List[credit.Entry], error)
	ExpireBefore(ctx context.Context, day time.Time) ([]credit.Entry, error)

	CreateAppeal(ctx context.Context, kind string, a *credit.Appeal) error
	AppealForUpdate(ctx context.Context, kind string, id int64) (credit.Appeal, error)
	UpdateAppeal(ctx context.Context, a credit.Appeal) error
	Appeals(ctx context.Context, kind, status string, memberID int64) ([]credit.Appeal, error)
}

// EntryFilter narrows list entries.
type EntryFilter struct {
	List      credit.List
	Status    string
	MemberID  int64
	MemberIDs []int64 // a name search resolved to units
	Since     *time.Time
}

// Registry names units and finds them by name for the public query.
type Registry interface {
	Names(ctx context.Context, ids []int64) (map[int64]string, error)
	Exists(ctx context.Context, id int64) (bool, error)
	// Codes returns the USCCs of units (public on a credit list).
	Codes(ctx context.Context, ids []int64) (map[int64]string, error)
	// Search returns ids of units whose name contains q.
	Search(ctx context.Context, q string, limit int) ([]int64, error)
}

// Effects are what a black-list entry refuses elsewhere (configurable).
type Effects struct {
	BlockEventRegistration bool
	BlockLeadership        bool
}

// Rechecker re-evaluates compliance rules after a change.
type Rechecker interface {
	RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
}

// Service holds the credit use cases.
type Service struct {
	store    Store
	registry Registry
	rules    map[credit.List]credit.Rule
	effects  Effects
	audit    *audit.Log
	tx       app.Tx
	clock    app.Clock
	findings Rechecker
}

// Deps are the service's collaborators.
type Deps struct {
	Store    Store
	Registry Registry
	Rules    []credit.Rule
	Effects  Effects
	Audit    *audit.Log
	Tx       app.Tx
	Clock    app.Clock
	Findings Rechecker
}

// NewService builds the credit service.
func NewService(d Deps) *Service {
	rules := map[credit.List]credit.Rule{}
	for _, r := range d.Rules {
		rules[r.List] = r
	}
	return &Service{store: d.Store, registry: d.Registry, rules: rules, effects: d.Effects, audit: d.Audit, tx: d.Tx, clock: d.Clock, findings: d.Findings}
}

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

func (s *Service) today() time.Time {
	n := s.clock.Now().In(shanghai)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, shanghai)
}

func notFound(err error, entity string) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound(entity)
	}
	return err
}

// Rules are the published list rules.
func (s *Service) Rules() []credit.Rule {
	out := make([]credit.Rule, 0, 3)
	for _, l := range []credit.List{credit.Red, credit.White, credit.Black} {
		if r, ok := s.rules[l]; ok {
			out = append(out, r)
		}
	}
	return out
}

// ---- records ----

// AddRecord records credit evidence about a unit.
func (s *Service) AddRecord(ctx context.Context, r credit.Record) (credit.Record, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	if ok, err := s.registry.Exists(ctx, r.MemberID); err != nil || !ok {
		if err != nil {
			return r, err
		}
		return r, errs.Field("member_id", "member_unknown")
	}
	p, _ := app.PrincipalFrom(ctx)
	r.RecordedBy, r.CreatedAt = p.Username, s.clock.Now()
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.CreateRecord(ctx, &r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "credit.record", Entity: "credit_record", EntityID: r.ID, After: r})
	})
	return r, err
}

// Records lists records, of one unit when memberID is set.
func (s *Service) Records(ctx context.Context, memberID int64, p app.Page) (app.List[credit.Record], error) {
	return s.store.Records(ctx, memberID, p)
}

// ---- proposals and decisions ----

// Propose drafts a list decision with its evidence (secretariat).
func (s *Service) Propose(ctx context.Context, p credit.Proposal) (credit.Proposal, error) {
	if p.Action == "add" && p.ValidUntil.IsZero() {
		if r, ok := s.rules[p.List]; ok {
			p.ValidUntil = s.today().AddDate(0, r.ValidityMonths, 0)
		}
	}
	if err := p.Validate(s.clock.Now()); err != nil {
		return p, err
	}
	if _, ok := s.rules[p.List]; !ok {
		return p, errs.Field("list", "invalid")
	}
	records, err := s.store.RecordsByID(ctx, p.RecordIDs)
	if err != nil {
		return p, err
	}
	if len(records) != len(p.RecordIDs) {
		return p, errs.Field("record_ids", "record_unknown")
	}
	if err := p.CheckEvidence(records); err != nil {
		return p, err
	}
	pr, _ := app.PrincipalFrom(ctx)
	p.ProposedBy, p.ProposedAt, p.Status = pr.Username, s.clock.Now(), "pending"
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.CreateProposal(ctx, &p); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "credit.propose", Entity: "credit_proposal", EntityID: p.ID, After: p})
	})
	return p, err
}

// Decide approves or rejects a proposal. Only the 会长办公会 decides, citing
// its meeting or resolution. Approving an addition puts the unit on the
// list (adding to the black list ends any red or white entry in the same
// transaction); approving a removal lifts the entry.
func (s *Service) Decide(ctx context.Context, proposalID int64, approve bool, decisionRef, note string) (credit.Proposal, error) {
	pr, err := app.MustPrincipal(ctx)
	if err != nil {
		return credit.Proposal{}, err
	}
	if !pr.HasRole(identity.BoardRole) {
		return credit.Proposal{}, errs.Rule("credit.board_decides", credit.Clause)
	}
	if strings.TrimSpace(decisionRef) == "" {
		return credit.Proposal{}, errs.Field("decision_ref", "required")
	}
	var p credit.Proposal
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if p, err = s.store.ProposalForUpdate(ctx, proposalID); err != nil {
			return notFound(err, "credit_proposal")
		}
		if p.Status != "pending" {
			return errs.Conflict("credit.proposal_decided")
		}
		now := s.clock.Now()
		p.DecidedBy, p.DecisionRef, p.DecidedAt, p.Note = pr.Username, strings.TrimSpace(decisionRef), &now, strings.TrimSpace(note)
		p.Status = "rejected"
		if approve {
			p.Status = "approved"
			if err := s.apply(ctx, &p, now); err != nil {
				return err
			}
		}
		if err := s.store.UpdateProposal(ctx, p); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "credit.decide", Entity: "credit_proposal", EntityID: p.ID,
			After: map[string]any{"status": p.Status, "decision_ref": p.DecisionRef, "entry_id": p.EntryID}})
	})
	return p, err
}

func (s *Service) apply(ctx context.Context, p *credit.Proposal, now time.Time) error {
	active, err := s.store.ActiveEntries(ctx, p.MemberID)
	if err != nil {
		return err
	}
	if p.Action == "remove" {
		for _, e := range active {
			if e.List == p.List {
				e.End("lifted", "会长办公会决定移出："+p.DecisionRef, now)
				if err := s.store.UpdateEntry(ctx, e); err != nil {
					return err
				}
				p.EntryID = &e.ID
				return s.audit.Record(ctx, audit.Change{Action: "credit.lift", Entity: "credit_entry", EntityID: e.ID, After: e})
			}
		}
		return errs.Rule("credit.not_listed", "")
	}
	if err := credit.CheckExclusive(p.List, active); err != nil {
		return err
	}
	if p.List == credit.Black {
		for _, e := range active {
			e.End("lifted", "列入失信黑名单，同时移出"+string(e.List)+"名单", now)
			if err := s.store.UpdateEntry(ctx, e); err != nil {
				return err
			}
			if err := s.audit.Record(ctx, audit.Change{Action: "credit.lift", Entity: "credit_entry", EntityID: e.ID, After: e}); err != nil {
				return err
			}
		}
	}
	e := credit.Entry{MemberID: p.MemberID, List: p.List, ReasonCategory: p.ReasonCategory, PublicSummary: p.PublicSummary,
		ValidFrom: s.today(), ValidUntil: p.ValidUntil, ProposalID: p.ID, DecisionRef: p.DecisionRef, Status: "active"}
	if err := s.store.CreateEntry(ctx, &e); err != nil {
		if errors.Is(err, errs.ErrConflict) {
			return errs.Conflict("credit.already_listed")
		}
		return err
	}
	p.EntryID = &e.ID
	return s.audit.Record(ctx, audit.Change{Action: "credit.list", Entity: "credit_entry", EntityID: e.ID, After: e})
}

// Proposals lists proposals by status.
func (s *Service) Proposals(ctx context.Context, status string, p app.Page) (app.List[credit.Proposal], error) {
	return s.store.Proposals(ctx, status, p)
}

// Entries lists list entries.
func (s *Service) Entries(ctx context.Context, f EntryFilter, p app.Page) (app.List[credit.Entry], error) {
	return s.store.Entries(ctx, f, p)
}

// ---- appeals and repairs ----

// FileAppeal lets the unit object to its entry within the list's window.
// kind is "appeal" (against a decision) or "repair" (to be lifted after
// putting things right, black list only).
func (s *Service) FileAppeal(ctx context.Context, kind string, entryID int64, text string, evidence []string) (credit.Appeal, error) {
	pr, err := app.MustPrincipal(ctx)
	if err != nil {
		return credit.Appeal{}, err
	}
	if pr.MemberID == nil {
		return credit.Appeal{}, errs.NotFound("credit_entry")
	}
	if strings.TrimSpace(text) == "" {
		return credit.Appeal{}, errs.Field("text", "required")
	}
	var a credit.Appeal
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		e, err := s.store.EntryForUpdate(ctx, entryID)
		if err != nil || e.MemberID != *pr.MemberID {
			return errs.NotFound("credit_entry")
		}
		if !e.Active() {
			return errs.Rule("credit.entry_not_active", "")
		}
		switch kind {
		case "appeal":
			if err := credit.CheckAppealWindow(e.ValidFrom, s.today(), s.rules[e.List].AppealDays); err != nil {
				return err
			}
		case "repair":
			if e.List != credit.Black {
				return errs.Rule("credit.repair_black_only", "")
			}
		default:
			return errs.NotFound("route")
		}
		pending, err := s.store.Appeals(ctx, kind, "pending", e.MemberID)
		if err != nil {
			return err
		}
		for _, p := range pending {
			if p.EntryID == e.ID {
				return errs.Conflict("credit.appeal_pending")
			}
		}
		a = credit.Appeal{EntryID: e.ID, MemberID: e.MemberID, Text: strings.TrimSpace(text), Evidence: evidence, FiledBy: pr.Username,
			FiledAt: s.clock.Now(), Status: "pending"}
		if err := s.store.CreateAppeal(ctx, kind, &a); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "credit." + kind, Entity: "credit_" + kind, EntityID: a.ID, After: a})
	})
	return a, err
}

// ReviewAppeal decides an appeal or repair. The reviewer may not be the
// person who proposed the decision. Overturning (or approving a repair)
// lifts the entry; it stays in the history.
func (s *Service) ReviewAppeal(ctx context.Context, kind string, id int64, grant bool, reasons string) (credit.Appeal, error) {
	pr, err := app.MustPrincipal(ctx)
	if err != nil {
		return credit.Appeal{}, err
	}
	var a credit.Appeal
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if a, err = s.store.AppealForUpdate(ctx, kind, id); err != nil {
			return notFound(err, "credit_"+kind)
		}
		e, err := s.store.EntryForUpdate(ctx, a.EntryID)
		if err != nil {
			return err
		}
		proposal, err := s.store.ProposalForUpdate(ctx, e.ProposalID)
		if err != nil {
			return err
		}
		now := s.clock.Now()
		if err := a.Review(pr.Username, proposal.ProposedBy, grant, reasons, now); err != nil {
			return err
		}
		if kind == "repair" {
			a.Status = map[bool]string{true: "approved", false: "rejected"}[grant]
		}
		if err := s.store.UpdateAppeal(ctx, a); err != nil {
			return err
		}
		if grant && e.Active() {
			reason := "申诉成立，撤销决定：" + a.Reasons
			if kind == "repair" {
				reason = "信用修复：" + a.Reasons
			}
			e.End("lifted", reason, now)
			if err := s.store.UpdateEntry(ctx, e); err != nil {
				return err
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: "credit." + kind + "_review", Entity: "credit_" + kind, EntityID: a.ID,
			After: map[string]any{"status": a.Status, "reasons": a.Reasons}})
	})
	return a, err
}

// Appeals lists appeals or repairs; a member-role principal sees its own.
func (s *Service) Appeals(ctx context.Context, kind, status string) ([]credit.Appeal, error) {
	pr, _ := app.PrincipalFrom(ctx)
	var member int64
	if pr.MemberID != nil {
		member = *pr.MemberID
	}
	return s.store.Appeals(ctx, kind, status, member)
}

// Expire ends entries past their validity (the daily job).
func (s *Service) Expire(ctx context.Context) (int, error) {
	n := 0
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		due, err := s.store.ExpireBefore(ctx, s.today())
		if err != nil {
			return err
		}
		now := s.clock.Now()
		for _, e := range due {
			e.End("expired", "有效期届满", now)
			if err := s.store.UpdateEntry(ctx, e); err != nil {
				return err
			}
			if err := s.audit.Record(ctx, audit.Change{Action: "credit.expire", Entity: "credit_entry", EntityID: e.ID}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// ---- effects ----

// Standing is a unit's current lists.
func (s *Service) Standing(ctx context.Context, memberID int64) ([]credit.Entry, error) {
	return s.store.ActiveEntries(ctx, memberID)
}

func (s *Service) blackListed(ctx context.Context, memberID int64) (bool, error) {
	active, err := s.store.ActiveEntries(ctx, memberID)
	if err != nil {
		return false, err
	}
	for _, e := range active {
		if e.List == credit.Black {
			return true, nil
		}
	}
	return false, nil
}

// CheckEventRegistration refuses a black-listed unit's registration when
// the association's rules say so.
func (s *Service) CheckEventRegistration(ctx context.Context, memberID int64) error {
	if !s.effects.BlockEventRegistration {
		return nil
	}
	black, err := s.blackListed(ctx, memberID)
	if err != nil || !black {
		return err
	}
	return errs.Rule("credit.black_listed_registration", credit.Clause)
}

// CheckLeadership refuses a leadership position for a black-listed unit.
func (s *Service) CheckLeadership(ctx context.Context, memberID int64) error {
	if !s.effects.BlockLeadership {
		return nil
	}
	black, err := s.blackListed(ctx, memberID)
	if err != nil || !black {
		return err
	}
	return errs.Rule("credit.black_listed_leadership", credit.Clause)
}

// ---- findings ----

// RuleTimely is R-8.4.1.5-c: appeals and repairs are answered within 30 days.
const RuleTimely = "R-8.4.1.5-c"

// TimelyViolations flags appeals and repairs pending more than 30 days.
func (s *Service) TimelyViolations(ctx context.Context) ([]finding.Violation, error) {
	var out []finding.Violation
	cut := s.clock.Now().AddDate(0, 0, -30)
	for _, kind := range []string{"appeal", "repair"} {
		list, err := s.store.Appeals(ctx, kind, "pending", 0)
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			if a.FiledAt.Before(cut) {
				out = append(out, finding.Violation{ObjectType: "credit_" + kind, ObjectID: strconv.FormatInt(a.ID, 10),
					ObjectLabel: fmt.Sprintf("%s #%d", map[string]string{"appeal": "申诉", "repair": "信用修复"}[kind], a.ID), Severity: finding.Warning,
					Message: "超过 30 天未处理 / pending for more than 30 days"})
			}
		}
	}
	return out, nil
}
