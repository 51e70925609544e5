package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	appscore "huiguan/app/scorecard"
	"huiguan/domain/consult"
	"huiguan/domain/event"
	gov "huiguan/domain/governance"
	sc "huiguan/domain/scorecard"
)

// ScorecardFacts reads the figures of the auto indicators across modules.
// It is a read model: aggregates in SQL where they are plain counts, domain
// objects where a rule decides (an event's gate, a contract's lifecycle).
type ScorecardFacts struct{ s *Store }

// NewScorecardFacts returns the facts reader.
func NewScorecardFacts(s *Store) *ScorecardFacts { return &ScorecardFacts{s: s} }

var _ appscore.FactsSource = (*ScorecardFacts)(nil)

func (f *ScorecardFacts) count(ctx context.Context, table, where string, args ...any) (int, error) {
	var n int64
	err := f.s.conn(ctx).Table(table).Where(where, args...).Count(&n).Error
	return int(n), translate(err)
}

// Facts gathers every figure; each part is a few queries.
func (f *ScorecardFacts) Facts(ctx context.Context, asOf time.Time, reviewMonths, retentionDays int) (appscore.Facts, error) {
	var out appscore.Facts
	var err error
	step := func(fn func() error) {
		if err == nil {
			err = fn()
		}
	}
	// Tiers.
	step(func() (e error) { out.Tiers.Active, e = f.count(ctx, "member_tiers", "active = ?", true); return })
	step(func() (e error) {
		out.Tiers.WithServices, e = f.count(ctx, "member_tiers", "active = ? AND services <> '[]' AND services <> ''", true)
		return
	})
	// Fee standards and their resolutions.
	step(func() (e error) { out.Fees.Standards, e = f.count(ctx, "fee_standards", "1 = 1"); return })
	step(func() error {
		var n int64
		e := f.s.conn(ctx).Table("fee_standards AS s").Joins("JOIN resolutions r ON r.id = s.resolution_id").
			Where("r.kind = ? AND r.body_kind = ? AND r.outcome = ?", "fee_standard", "general_assembly", "passed").Count(&n).Error
		out.Fees.Backed = int(n)
		return translate(e)
	})
	lastYear := asOf.In(chinaTime).Year() - 1
	step(func() error {
		n, e := f.count(ctx, "bills", "year = ?", lastYear)
		out.Fees.HasLastYearDues = n > 0
		return e
	})
	step(func() error {
		var rows []struct{ PublishedAt *time.Time }
		e := f.s.conn(ctx).Table("disclosures").Select("published_at").Where("year = ? AND published_at IS NOT NULL", lastYear).
			Order("version").Limit(1).Scan(&rows).Error
		if len(rows) > 0 {
			out.Fees.LastYearPublishedAt = utcPtr(rows[0].PublishedAt)
		}
		return translate(e)
	})
	// Members.
	// One sequential pass over the roster for all four figures. Nearly every
	// row is current, so the status index would only add a seek per row: the
	// status test sits inside each sum instead of in a WHERE.
	step(func() error {
		var row struct{ Active, Complete, Classified, Reviewed int64 }
		cur := "status IN ('active', 'suspended')"
		e := f.s.conn(ctx).Table("members").Select(`COALESCE(SUM(CASE WHEN `+cur+` THEN 1 ELSE 0 END), 0) AS active,
			COALESCE(SUM(CASE WHEN `+cur+` AND address <> '' AND legal_rep_name <> '' AND legal_rep_phone_enc <> ''
				AND member_rep_name <> '' AND member_rep_phone_enc <> '' AND contacts_enc <> '' THEN 1 ELSE 0 END), 0) AS complete,
			COALESCE(SUM(CASE WHEN `+cur+` AND industry <> '' AND chain_segment <> '' THEN 1 ELSE 0 END), 0) AS classified,
			COALESCE(SUM(CASE WHEN `+cur+` AND last_reviewed_at >= ? THEN 1 ELSE 0 END), 0) AS reviewed`, asOf.AddDate(0, -reviewMonths, 0)).
			Scan(&row).Error
		out.Members.Active, out.Members.Complete, out.Members.Classified, out.Members.Reviewed =
			int(row.Active), int(row.Complete), int(row.Classified), int(row.Reviewed)
		return translate(e)
	})
	// Events: the gate and plans decide per event.
	step(func() error {
		var recs []eventRecord
		if e := f.s.conn(ctx).Where("starts_at >= ? AND starts_at <= ?", asOf.AddDate(-1, 0, 0), asOf.AddDate(1, 0, 0)).Find(&recs).Error; e != nil {
			return translate(e)
		}
		for _, rec := range recs {
			ev, e := rec.toDomain()
			if e != nil {
				return e
			}
			if ev.Status == event.Draft || ev.Status == event.Cancelled {
				continue
			}
			out.Events.Planned++
			out.Events.Led++
			if len(ev.Emergency.Missing()) == 0 {
				out.Events.EmergencyOK++
			}
			if ev.Lead != "" && len(ev.Team) > 0 && ev.Goals != "" && ev.Plan != "" && len(ev.Risks) > 0 {
				out.Events.PlanComplete++
			}
			if (ev.Status == event.Held || ev.Status == event.Closed) && ev.Large(1000) {
				out.Events.Large++
				if len(ev.GateMissing()) == 0 {
					out.Events.LargeGated++
				}
			}
			if ev.Status == event.Closed && ev.ClosedAt != nil && asOf.After(ev.ClosedAt.AddDate(0, 0, retentionDays)) {
				out.Events.DueAnonymise++
				if ev.AnonymisedAt != nil {
					out.Events.Anonymised++
				}
			}
		}
		return nil
	})
	// Consulting.
	step(func() error {
		repo := NewConsulting(f.s)
		contracts, e := repo.AllContracts(ctx)
		if e != nil {
			return e
		}
		for _, c := range contracts {
			stages, e := repo.Stages(ctx, c.ID)
			if e != nil {
				return e
			}
			if c.Foreign && c.SignedOn != nil {
				out.Consulting.Foreign++
				if c.ComplianceReview != nil && c.ComplianceReview.Approved {
					out.Consulting.ForeignReviewed++
				}
			}
			closed := false
			seen := map[consult.Stage]bool{}
			for _, r := range stages {
				seen[r.Stage] = true
				if r.Stage == "closure" {
					closed = true
				}
			}
			if closed {
				out.Consulting.Closed++
				full := c.SignedOn != nil
				for _, s := range consult.Stages[:8] { // up to 结项; 绩效评价 follows within its grace period
					full = full && seen[s]
				}
				if full {
					out.Consulting.FullLifecycle++
				}
			}
		}
		return nil
	})
	step(func() (e error) { out.Consulting.Lines, e = f.count(ctx, "consulting_budget_lines", "1 = 1"); return })
	step(func() (e error) {
		out.Consulting.LinesWithinBudget, e = f.count(ctx, "consulting_budget_lines", "spent_fen <= amount_fen")
		return
	})
	// Credit.
	step(func() (e error) { out.Credit.Entries, e = f.count(ctx, "credit_entries", "1 = 1"); return })
	step(func() (e error) {
		out.Credit.Documented, e = f.count(ctx, "credit_entries", "decision_ref <> '' AND proposal_id > 0")
		return
	})
	step(func() error {
		var rows []struct {
			FiledAt    time.Time
			ReviewedAt *time.Time
		}
		if e := f.s.conn(ctx).Table("credit_appeals").Select("filed_at, reviewed_at").Scan(&rows).Error; e != nil {
			return translate(e)
		}
		for _, r := range rows {
			end := asOf
			if r.ReviewedAt != nil {
				end = *r.ReviewedAt
			} else if asOf.Sub(r.FiledAt) < 30*24*time.Hour {
				continue // still within its time
			}
			out.Credit.Appeals++
			if end.Sub(r.FiledAt) <= 30*24*time.Hour {
				out.Credit.OnTime++
			}
		}
		return nil
	})
	// Governance.
	step(func() error {
		g := NewGovernance(f.s)
		bodies, e := g.Bodies(ctx)
		if e != nil {
			return e
		}
		core := map[gov.BodyKind]bool{}
		for _, b := range bodies {
			if (b.Kind == gov.GeneralAssembly || b.Kind == gov.Council || b.Kind == gov.SupervisoryBoard) && b.Complete() {
				core[b.Kind] = true
			}
		}
		out.Governance.CoreComplete = len(core)
		a, _, e := g.Association(ctx)
		if e != nil {
			return e
		}
		branches, e := g.Branches(ctx)
		if e != nil {
			return e
		}
		for _, b := range branches {
			switch b.Status {
			case gov.PendingReview:
				out.Governance.PendingPlace++
			case gov.ActiveBranch, gov.Established:
				out.Governance.Branches++
				named := a.FullName != "" && len(b.Name) > len(a.FullName) && b.Name[:len(a.FullName)] == a.FullName
				if named && (b.SuffixListed() || b.SuffixReview != nil) {
					out.Governance.NamedOK++
				}
			}
		}
		return nil
	})
	step(func() error {
		var rows []struct {
			Clause string
			N      int
		}
		e := f.s.conn(ctx).Table("findings").Select("clause, COUNT(*) AS n").
			Where("closed_at IS NULL AND severity IN ?", []string{"warning", "critical"}).Group("clause").Scan(&rows).Error
		out.FindingsByClause = map[string]int{}
		for _, r := range rows {
			out.FindingsByClause[r.Clause] = r.N
		}
		return translate(e)
	})
	step(func() error {
		var n int64
		e := f.s.conn(ctx).Table("findings").Where("closed_at IS NULL AND rule_id = ?", "R-7.3.3.1-b").Where("severity = ?", "critical").Count(&n).Error
		out.Governance.OverdueElections = int(n)
		return translate(e)
	})
	return out, err
}

// Rounds stores evaluation rounds, scores and actions.
type Rounds struct{ s *Store }

// NewRounds returns the rounds repository.
func NewRounds(s *Store) *Rounds { return &Rounds{s: s} }

var _ appscore.Store = (*Rounds)(nil)

type roundRecord struct {
	ID                int64 `gorm:"primaryKey"`
	Title             string
	Kind              string
	CutoffDate        time.Time
	Plan              string
	ThirdParty        string
	WorkingGroup      string
	SelfDeclaredStage string
	Status            string
	Snapshot          string
	Report            string
	BaselineAt        *time.Time
	SubmittedAt       *time.Time
	ApprovedBy        string
	ApprovedAt        *time.Time
	ClosedAt          *time.Time
	CreatedBy         string
	CreatedAt         time.Time
}

func (roundRecord) TableName() string { return "scorecard_rounds" }

type scoreJSON struct {
	Value  int  `json:"value"`
	NA     bool `json:"na"`
	NoData bool `json:"no_data"`
}

func fromRound(r appscore.Round) roundRecord {
	rec := roundRecord{ID: r.ID, Title: r.Title, Kind: r.Kind, CutoffDate: r.CutoffDate, Plan: r.Plan, ThirdParty: r.ThirdParty,
		WorkingGroup: toJSON(nonNil(r.WorkingGroup)), SelfDeclaredStage: r.SelfDeclaredStage, Status: r.Status, BaselineAt: r.BaselineAt,
		SubmittedAt: r.SubmittedAt, ApprovedBy: r.ApprovedBy, ApprovedAt: r.ApprovedAt, ClosedAt: r.ClosedAt, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
	if r.Snapshot != nil {
		snap := map[string]scoreJSON{}
		for k, v := range r.Snapshot {
			snap[k] = scoreJSON(v)
		}
		rec.Snapshot = toJSON(snap)
	}
	if r.Report != nil {
		rec.Report = toJSON(r.Report)
	}
	return rec
}

func (rec roundRecord) toApp() (appscore.Round, error) {
	r := appscore.Round{ID: rec.ID, Title: rec.Title, Kind: rec.Kind, CutoffDate: rec.CutoffDate.UTC(), Plan: rec.Plan, ThirdParty: rec.ThirdParty,
		SelfDeclaredStage: rec.SelfDeclaredStage, Status: rec.Status, BaselineAt: utcPtr(rec.BaselineAt), SubmittedAt: utcPtr(rec.SubmittedAt),
		ApprovedBy: rec.ApprovedBy, ApprovedAt: utcPtr(rec.ApprovedAt), ClosedAt: utcPtr(rec.ClosedAt), CreatedBy: rec.CreatedBy, CreatedAt: rec.CreatedAt.UTC()}
	if err := fromJSON(rec.WorkingGroup, &r.WorkingGroup); err != nil {
		return r, err
	}
	if rec.Snapshot != "" {
		var snap map[string]scoreJSON
		if err := fromJSON(rec.Snapshot, &snap); err != nil {
			return r, err
		}
		r.Snapshot = map[string]sc.Score{}
		for k, v := range snap {
			r.Snapshot[k] = sc.Score(v)
		}
	}
	if rec.Report != "" {
		r.Report = &appscore.Report{}
		if err := fromJSON(rec.Report, r.Report); err != nil {
			return r, err
		}
	}
	return r, nil
}

// CreateRound inserts a round.
func (r *Rounds) CreateRound(ctx context.Context, x *appscore.Round) error {
	rec := fromRound(*x)
	if err := r.s.conn(ctx).Create(&rec).Error; err != nil {
		return translate(err)
	}
	x.ID = rec.ID
	return nil
}

// UpdateRound rewrites a round; a closed round is never written again.
func (r *Rounds) UpdateRound(ctx context.Context, x appscore.Round) error {
	rec := fromRound(x)
	return translate(r.s.conn(ctx).Model(&roundRecord{ID: rec.ID}).Where("closed_at IS NULL").Select("*").Omit("id", "created_at").Updates(&rec).Error)
}

func (r *Rounds) oneRound(ctx context.Context, lock bool, id int64) (appscore.Round, error) {
	q := r.s.conn(ctx)
	if lock {
		q = r.s.forUpdate(q)
	}
	var rec roundRecord
	if err := q.Where("id = ?", id).Take(&rec).Error; err != nil {
		return appscore.Round{}, translate(err)
	}
	return rec.toApp()
}

// Round loads a round.
func (r *Rounds) Round(ctx context.Context, id int64) (appscore.Round, error) {
	return r.oneRound(ctx, false, id)
}

// RoundForUpdate loads and locks a round.
func (r *Rounds) RoundForUpdate(ctx context.Context, id int64) (appscore.Round, error) {
	return r.oneRound(ctx, true, id)
}

// Rounds lists rounds, newest first.
func (r *Rounds) Rounds(ctx context.Context) ([]appscore.Round, error) {
	var recs []roundRecord
	if err := r.s.conn(ctx).Order("cutoff_date DESC, id DESC").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]appscore.Round, 0, len(recs))
	for _, rec := range recs {
		x, err := rec.toApp()
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

type scoreRecord struct {
	ID            int64 `gorm:"primaryKey"`
	RoundID       int64
	IndicatorID   string
	Value         int
	NA            bool `gorm:"column:na"`
	Justification string
	Evidence      string
	Comment       string
	ScoredBy      string
	UpdatedAt     time.Time
}

func (scoreRecord) TableName() string { return "scorecard_scores" }

// SaveScore inserts or replaces a round's score of an indicator.
func (r *Rounds) SaveScore(ctx context.Context, roundID int64, e sc.EvidenceScore) error {
	rec := scoreRecord{RoundID: roundID, IndicatorID: e.IndicatorID, Value: e.Value, NA: e.NA, Justification: e.Justification,
		Evidence: toJSON(nonNil(e.Evidence)), Comment: e.Comment, ScoredBy: e.ScoredBy, UpdatedAt: time.Now().UTC()}
	return translate(r.s.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "round_id"}, {Name: "indicator_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "na", "justification", "evidence", "comment", "scored_by", "updated_at"})}).Create(&rec).Error)
}

// Scores lists a round's scores.
func (r *Rounds) Scores(ctx context.Context, roundID int64) ([]sc.EvidenceScore, error) {
	var recs []scoreRecord
	if err := r.s.conn(ctx).Where("round_id = ?", roundID).Order("indicator_id").Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]sc.EvidenceScore, len(recs))
	for i, rec := range recs {
		out[i] = sc.EvidenceScore{IndicatorID: rec.IndicatorID, Value: rec.Value, NA: rec.NA, Justification: rec.Justification,
			Comment: rec.Comment, ScoredBy: rec.ScoredBy}
		_ = fromJSON(rec.Evidence, &out[i].Evidence)
	}
	return out, nil
}

type actionRecord struct {
	ID          int64 `gorm:"primaryKey"`
	RoundID     int64
	IndicatorID string
	Title       string
	Owner       string
	DueOn       time.Time
	Status      string
	Evidence    string
	ClosedAt    *time.Time
	AckBy       string
	AckAt       *time.Time
}

func (actionRecord) TableName() string { return "scorecard_actions" }

// CreateActions inserts improvement actions.
func (r *Rounds) CreateActions(ctx context.Context, as []appscore.Action) error {
	if len(as) == 0 {
		return nil
	}
	recs := make([]actionRecord, len(as))
	for i, a := range as {
		recs[i] = actionRecord(a)
	}
	return translate(r.s.conn(ctx).CreateInBatches(&recs, 200).Error)
}

// Actions lists actions by status.
func (r *Rounds) Actions(ctx context.Context, status string) ([]appscore.Action, error) {
	q := r.s.conn(ctx).Order("due_on, id")
	if status != "" {
		q = q.Where("status = ?", status)
	}
	var recs []actionRecord
	if err := q.Limit(1000).Find(&recs).Error; err != nil {
		return nil, translate(err)
	}
	out := make([]appscore.Action, len(recs))
	for i, rec := range recs {
		out[i] = appscore.Action(rec)
	}
	return out, nil
}

// ActionForUpdate loads and locks an action.
func (r *Rounds) ActionForUpdate(ctx context.Context, id int64) (appscore.Action, error) {
	var rec actionRecord
	if err := r.s.forUpdate(r.s.conn(ctx)).Where("id = ?", id).Take(&rec).Error; err != nil {
		return appscore.Action{}, translate(err)
	}
	return appscore.Action(rec), nil
}

// UpdateAction writes an action.
func (r *Rounds) UpdateAction(ctx context.Context, a appscore.Action) error {
	rec := actionRecord(a)
	return translate(r.s.conn(ctx).Model(&actionRecord{ID: rec.ID}).Select("*").Omit("id").Updates(&rec).Error)
}
