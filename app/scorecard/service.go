package scorecard

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/identity"
	sc "huiguan/domain/scorecard"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// Policy is the scorecard's configuration.
type Policy struct {
	ReviewMonths       int
	RetentionDays      int
	DisclosureDeadline string // MM-DD
	TriggerScore       int    // IMPROVEMENT_TRIGGER_SCORE
}

// Member of a working group with a role (10.1.2 asks for the heads of both layers).
type Member struct {
	UserID int64  `json:"user_id"`
	Role   string `json:"role"` // internal_head, business_head, member
}

// Round is an evaluation round (clauses 9, 10.1).
type Round struct {
	ID                int64
	Title             string
	Kind              string // self, third_party
	CutoffDate        time.Time
	Plan              string
	ThirdParty        string
	WorkingGroup      []Member
	SelfDeclaredStage string
	Status            string // planning, scoring, submitted, approved, closed
	Snapshot          map[string]sc.Score
	Report            *Report
	BaselineAt        *time.Time
	SubmittedAt       *time.Time
	ApprovedBy        string
	ApprovedAt        *time.Time
	ClosedAt          *time.Time
	CreatedBy         string
	CreatedAt         time.Time
}

// Report is a round's result (10.1.3).
type Report struct {
	Areas       map[string]*float64 `json:"areas"`
	Layers      map[string]*float64 `json:"layers"`
	Total       *float64            `json:"total"`
	Stage       string              `json:"stage"`
	SelfStage   string              `json:"self_declared_stage"`
	RedLines    []string            `json:"red_lines"`
	Strengths   []string            `json:"strengths"`
	Gaps        []Gap               `json:"gaps"`
	GeneratedAt time.Time           `json:"generated_at"`
}

// Gap is an indicator under the trigger score with its suggestion.
type Gap struct {
	IndicatorID string `json:"indicator_id"`
	Title       string `json:"title"`
	Score       int    `json:"score"`
	Suggestion  string `json:"suggestion"`
}

// Action is an improvement action from a report (10.2).
type Action struct {
	ID          int64
	RoundID     int64
	IndicatorID string
	Title       string
	Owner       string
	DueOn       time.Time
	Status      string // open, closed
	Evidence    string
	ClosedAt    *time.Time
	AckBy       string
	AckAt       *time.Time
}

// Store keeps rounds, scores and actions.
type Store interface {
	CreateRound(ctx context.Context, r *Round) error
	UpdateRound(ctx context.Context, r Round) error
	Round(ctx context.Context, id int64) (Round, error)
	RoundForUpdate(ctx context.Context, id int64) (Round, error)
	Rounds(ctx context.Context) ([]Round, error)
	SaveScore(ctx context.Context, roundID int64, s sc.EvidenceScore) error
	Scores(ctx context.Context, roundID int64) ([]sc.EvidenceScore, error)
	CreateActions(ctx context.Context, as []Action) error
	Actions(ctx context.Context, status string) ([]Action, error)
	ActionForUpdate(ctx context.Context, id int64) (Action, error)
	UpdateAction(ctx context.Context, a Action) error
}

// Service holds the scorecard use cases.
type Service struct {
	catalogue sc.Catalogue
	bands     sc.Bands
	facts     FactsSource
	store     Store
	audit     *audit.Log
	tx        app.Tx
	clock     app.Clock
	policy    Policy
}

// Deps are the service's collaborators.
type Deps struct {
	Catalogue sc.Catalogue
	Facts     FactsSource
	Store     Store
	Audit     *audit.Log
	Tx        app.Tx
	Clock     app.Clock
	Policy    Policy
}

// NewService builds the scorecard service.
func NewService(d Deps) *Service {
	return &Service{catalogue: d.Catalogue, bands: sc.DefaultBands, facts: d.Facts, store: d.Store, audit: d.Audit, tx: d.Tx, clock: d.Clock, policy: d.Policy}
}

// Catalogue returns the indicators and the roll-up structure.
func (s *Service) Catalogue() sc.Catalogue { return s.catalogue }

func notFound(err error) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound("round")
	}
	return err
}

// CreateRound plans a round. Its working group must include the heads of
// internal and of business governance (10.1.2).
func (s *Service) CreateRound(ctx context.Context, r Round) (Round, error) {
	fields := map[string]string{}
	if strings.TrimSpace(r.Title) == "" {
		fields["title"] = "required"
	}
	if r.Kind != "self" && r.Kind != "third_party" {
		fields["kind"] = "invalid"
	}
	if r.Kind == "third_party" && strings.TrimSpace(r.ThirdParty) == "" {
		fields["third_party"] = "required"
	}
	if r.CutoffDate.IsZero() {
		fields["cutoff_date"] = "required"
	}
	if len(fields) > 0 {
		return r, errs.Invalid("request.invalid_fields", fields)
	}
	heads := map[string]bool{}
	for _, m := range r.WorkingGroup {
		heads[m.Role] = true
	}
	if !heads["internal_head"] || !heads["business_head"] {
		return r, errs.Rule("scorecard.working_group_heads", "10.1.2")
	}
	p, _ := app.PrincipalFrom(ctx)
	r.Status, r.CreatedBy, r.CreatedAt = "planning", p.Username, s.clock.Now()
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.CreateRound(ctx, &r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "scorecard.round_create", Entity: "scorecard_round", EntityID: r.ID,
			After: map[string]any{"title": r.Title, "kind": r.Kind, "cutoff": r.CutoffDate, "working_group": r.WorkingGroup}})
	})
	return r, err
}

// Rounds lists rounds, newest first.
func (s *Service) Rounds(ctx context.Context) ([]Round, error) { return s.store.Rounds(ctx) }

// Round returns a round with its evidence scores.
func (s *Service) Round(ctx context.Context, id int64) (Round, []sc.EvidenceScore, error) {
	r, err := s.store.Round(ctx, id)
	if err != nil {
		return r, nil, notFound(err)
	}
	scores, err := s.store.Scores(ctx, id)
	return r, scores, err
}

// Advance moves a round: snapshot (take the auto values at the cut-off,
// start scoring), baseline (confirm the internal layer, clause 9), submit,
// approve (the 会长办公会, producing the report), close (immutable, with
// improvement actions for every indicator under the trigger score).
func (s *Service) Advance(ctx context.Context, id int64, step string) (Round, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return Round{}, err
	}
	var r Round
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if r, err = s.store.RoundForUpdate(ctx, id); err != nil {
			return notFound(err)
		}
		if r.Status == "closed" {
			return errs.Rule("scorecard.round_closed", "")
		}
		now := s.clock.Now()
		switch step {
		case "snapshot":
			if r.Status != "planning" && r.Status != "scoring" {
				return errs.Rule("scorecard.wrong_status", "").With("status", r.Status)
			}
			cut := time.Date(r.CutoffDate.Year(), r.CutoffDate.Month(), r.CutoffDate.Day(), 23, 59, 59, 0, shanghai)
			live, err := s.compute(ctx, cut)
			if err != nil {
				return err
			}
			r.Snapshot = map[string]sc.Score{}
			for _, a := range live.Indicators {
				r.Snapshot[a.ID] = a.Score
			}
			r.Status = "scoring"
		case "baseline":
			if r.Status != "scoring" {
				return errs.Rule("scorecard.wrong_status", "").With("status", r.Status)
			}
			scores, err := s.store.Scores(ctx, r.ID)
			if err != nil {
				return err
			}
			if missing := s.unscored(r, scores, s.catalogue.Layers[0].Name); len(missing) > 0 {
				return errs.Rule("scorecard.baseline_incomplete", "9").With("missing", len(missing))
			}
			r.BaselineAt = &now
		case "submit":
			if r.Status != "scoring" || r.BaselineAt == nil {
				return errs.Rule("scorecard.baseline_first", "9")
			}
			scores, err := s.store.Scores(ctx, r.ID)
			if err != nil {
				return err
			}
			if missing := s.unscored(r, scores, ""); len(missing) > 0 {
				return errs.Rule("scorecard.unscored", "10.1.3").With("missing", len(missing))
			}
			r.Status, r.SubmittedAt = "submitted", &now
		case "approve":
			if !p.HasRole(identity.BoardRole) {
				return errs.Forbidden("scorecard.board_only")
			}
			if r.Status != "submitted" {
				return errs.Rule("scorecard.wrong_status", "").With("status", r.Status)
			}
			scores, err := s.store.Scores(ctx, r.ID)
			if err != nil {
				return err
			}
			rep := s.report(r, scores, now)
			r.Report, r.Status, r.ApprovedBy, r.ApprovedAt = &rep, "approved", p.Username, &now
		case "close":
			if r.Status != "approved" {
				return errs.Rule("scorecard.wrong_status", "").With("status", r.Status)
			}
			var actions []Action
			for _, g := range r.Report.Gaps {
				actions = append(actions, Action{RoundID: r.ID, IndicatorID: g.IndicatorID, Title: g.Suggestion, Owner: ownerFor(s.catalogue, g.IndicatorID),
					DueOn: now.AddDate(0, 6, 0), Status: "open"})
			}
			if err := s.store.CreateActions(ctx, actions); err != nil {
				return err
			}
			r.Status, r.ClosedAt = "closed", &now
		default:
			return errs.NotFound("route")
		}
		if err := s.store.UpdateRound(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "scorecard." + step, Entity: "scorecard_round", EntityID: r.ID, After: map[string]any{"status": r.Status}})
	})
	return r, err
}

// ownerFor names the head responsible for the indicator's layer (10.2.1).
func ownerFor(c sc.Catalogue, id string) string {
	if ind, ok := c.Indicator(id); ok && ind.Layer == c.Layers[0].Name {
		return "internal_head"
	}
	return "business_head"
}

// unscored lists evidence indicators (of one layer, or all) without a score.
func (s *Service) unscored(r Round, scores []sc.EvidenceScore, layer string) []string {
	have := map[string]bool{}
	for _, x := range scores {
		have[x.IndicatorID] = true
	}
	var out []string
	for _, ind := range s.catalogue.Indicators {
		if layer != "" && ind.Layer != layer {
			continue
		}
		if _, auto := r.Snapshot[ind.ID]; auto || have[ind.ID] {
			continue
		}
		out = append(out, ind.ID)
	}
	return out
}

// Score records the working group's score of an evidence indicator (or a
// documented downgrade of an auto one). Business-layer scores wait for the
// internal baseline (clause 9).
func (s *Service) Score(ctx context.Context, roundID int64, e sc.EvidenceScore) error {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return err
	}
	ind, ok := s.catalogue.Indicator(e.IndicatorID)
	if !ok {
		return errs.NotFound("indicator")
	}
	if err := e.Validate(); err != nil {
		return err
	}
	e.ScoredBy = p.Username
	return s.tx.Do(ctx, func(ctx context.Context) error {
		r, err := s.store.RoundForUpdate(ctx, roundID)
		if err != nil {
			return notFound(err)
		}
		if r.Status != "scoring" {
			return errs.Rule("scorecard.not_scoring", "").With("status", r.Status)
		}
		if ind.Layer != s.catalogue.Layers[0].Name && r.BaselineAt == nil {
			return errs.Rule("scorecard.baseline_first", "9")
		}
		if auto, isAuto := r.Snapshot[ind.ID]; isAuto {
			// Auto scores are never edited: only a documented downgrade.
			if e.NA || !auto.Applicable() || e.Value >= auto.Value || len(e.Evidence) == 0 {
				return errs.Rule("scorecard.auto_downgrade_only", "")
			}
		}
		if err := s.store.SaveScore(ctx, roundID, e); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "scorecard.score", Entity: "scorecard_round", EntityID: roundID, After: e})
	})
}

// report rolls the round's scores up: the snapshot's auto values (or their
// downgrades), the evidence scores, strengths and gaps with suggestions.
func (s *Service) report(r Round, evidence []sc.EvidenceScore, now time.Time) Report {
	scores := map[string]sc.Score{}
	for id, v := range r.Snapshot {
		scores[id] = v
	}
	for _, e := range evidence {
		scores[e.IndicatorID] = sc.Score{Value: e.Value, NA: e.NA}
	}
	res := sc.RollUp(s.catalogue, scores, s.bands, 0)
	rep := Report{Areas: res.Areas, Layers: res.Layers, Total: res.Total, Stage: res.Stage, SelfStage: r.SelfDeclaredStage, RedLines: res.RedLines, GeneratedAt: now}
	type areaScore struct {
		name string
		v    float64
	}
	var areas []areaScore
	for name, v := range res.Areas {
		if v != nil {
			areas = append(areas, areaScore{name, *v})
		}
	}
	sort.Slice(areas, func(i, j int) bool {
		return areas[i].v > areas[j].v || (areas[i].v == areas[j].v && areas[i].name < areas[j].name)
	})
	for i := 0; i < len(areas) && i < 3; i++ {
		rep.Strengths = append(rep.Strengths, areas[i].name)
	}
	for _, ind := range s.catalogue.Indicators {
		sv, ok := scores[ind.ID]
		if !ok || !sv.Applicable() || sv.Value >= s.policy.TriggerScore {
			continue
		}
		rep.Gaps = append(rep.Gaps, Gap{IndicatorID: ind.ID, Title: ind.TitleZh, Score: sv.Value, Suggestion: suggestion(ind, sv.Value)})
	}
	return rep
}

// suggestion is a targeted improvement text for an indicator (10.1.3).
func suggestion(ind sc.Indicator, v int) string {
	switch {
	case v == 0:
		return "针对“" + ind.TitleZh + "”（" + ind.ID + "）尚无依据：明确责任人，制定制度或方案并在下一评价期内形成实施记录。"
	case v < 60:
		return "“" + ind.TitleZh + "”（" + ind.ID + "）已有基础但记录不足：按条款要求补齐实施记录，并建立定期检查。"
	}
	return "“" + ind.TitleZh + "”（" + ind.ID + "）：复盘实施效果，形成改进闭环。"
}

// Actions lists improvement actions.
func (s *Service) Actions(ctx context.Context, status string) ([]Action, error) {
	return s.store.Actions(ctx, status)
}

// UpdateAction acknowledges (the responsible head, 10.2.1) or closes an
// action with its closing evidence (10.2.2).
func (s *Service) UpdateAction(ctx context.Context, id int64, acknowledge, close bool, evidence string) (Action, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return Action{}, err
	}
	var a Action
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if a, err = s.store.ActionForUpdate(ctx, id); err != nil {
			if errors.Is(err, errs.ErrNotFound) {
				return errs.NotFound("action")
			}
			return err
		}
		now := s.clock.Now()
		if acknowledge && a.AckAt == nil {
			a.AckBy, a.AckAt = p.Username, &now
		}
		if close {
			if strings.TrimSpace(evidence) == "" {
				return errs.Field("evidence", "required")
			}
			a.Status, a.Evidence, a.ClosedAt = "closed", strings.TrimSpace(evidence), &now
		}
		if err := s.store.UpdateAction(ctx, a); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "scorecard.action", Entity: "scorecard_action", EntityID: a.ID, After: a})
	})
	return a, err
}
