// Package consult holds the rules of consulting services (8.2.2) and of
// projects carried out for government (7.3.1, 7.3.2): services within the
// association's business scope, a signed contract before work starts, the
// full project lifecycle recorded stage by stage, ring-fenced special funds,
// and a compliance review before a foreign commission is signed.
package consult

import (
	"strings"
	"time"

	"huiguan/domain/errs"
)

// Clauses.
const (
	ClauseScope     = "8.2.2.1"
	ClauseLifecycle = "7.3.1.1"
	ClauseFunds     = "7.3.2.2"
	ClauseForeign   = "8.2.2.5"
)

// Categories of the service catalogue (8.2.2.1).
var Categories = []string{"government", "finance_tax_law", "human_resources", "management", "information_technology",
	"quality_infrastructure", "intellectual_property", "sme_quality", "science_technology", "engineering", "market", "survey", "other"}

// Service is an entry of the consulting catalogue.
type Service struct {
	ID          int64
	Name        string
	Category    string
	ScopeItem   string // the association's business-scope item it falls under
	Description string
	FeeBasis    string
	Active      bool
}

// Validate checks a service against the association's registered scope:
// consulting is offered only within it (8.2.2.1).
func (s Service) Validate(inScope func(string) bool) error {
	fields := map[string]string{}
	if strings.TrimSpace(s.Name) == "" {
		fields["name"] = "required"
	}
	if !contains(Categories, s.Category) {
		fields["category"] = "invalid"
	}
	if strings.TrimSpace(s.ScopeItem) == "" {
		fields["scope_item"] = "required"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	if !inScope(s.ScopeItem) {
		return errs.Rule("consulting.out_of_scope", ClauseScope).With("item", s.ScopeItem)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ClientKind is who commissions the work.
type ClientKind string

// Client kinds.
const (
	MemberClient     ClientKind = "member"
	Organisation     ClientKind = "organisation"
	Government       ClientKind = "government"
	IndividualClient ClientKind = "individual"
)

// Client commissions consulting.
type Client struct {
	ID       int64
	Name     string
	Kind     ClientKind
	Foreign  bool // 境外 organisation or individual
	MemberID *int64
}

// Stage is a step of a project's lifecycle (7.3.1.1), in order.
type Stage string

// The nine stages: 需求分析 → 可行性分析 → 方案策划 → 立项 → 实施 → 评审 → 验收 → 结项 → 绩效评价.
var Stages = []Stage{"requirements", "feasibility", "planning", "approval", "implementation", "review", "acceptance", "closure", "performance_evaluation"}

// Index is the stage's position, or -1.
func (s Stage) Index() int {
	for i, x := range Stages {
		if x == s {
			return i
		}
	}
	return -1
}

// StageRecord is what happened at a stage, or why it was passed over.
type StageRecord struct {
	ID         int64
	ContractID int64
	Stage      Stage
	Summary    string
	SkipReason string // set when the stage was passed over
	Documents  []string
	By         string
	At         time.Time
}

// Deliverable is a promised output with its due date.
type Deliverable struct {
	Title  string
	DueOn  time.Time
	Metric string // how it is measured (8.2.2.3)
	Done   bool
}

// Instalment is one payment of the fee plan.
type Instalment struct {
	DueOn     time.Time
	AmountFen int64
}

// Declaration is a team member's conflict-of-interest declaration (8.2.2.4).
type Declaration struct {
	Person   string
	Conflict bool
	Note     string
}

// Review is the compliance review of a foreign commission (8.2.2.5).
type Review struct {
	Reviewer   string
	ReviewedOn time.Time
	Approved   bool
	Conclusion string
}

// Contract is a consulting contract and its project.
type Contract struct {
	ID               int64
	ContractNo       string
	ClientID         int64
	ServiceID        int64
	Title            string
	Scope            string
	Team             []string
	FeeFen           int64
	Plan             []Instalment
	Deliverables     []Deliverable
	Confidentiality  string
	IPTerms          string
	DataProtection   string
	Declarations     []Declaration
	ApplicableLaws   string
	StartsOn         time.Time
	EndsOn           time.Time
	Foreign          bool
	SpecialFund      bool // government purchase or special subsidy: ring-fenced (7.3.2.2)
	SignedOn         *time.Time
	SignedDocument   string
	ComplianceReview *Review
}

// Validate checks a contract's own fields: a positive fee, dates in order,
// deliverables due within the contract, a payment plan that adds up.
func (c Contract) Validate() error {
	fields := map[string]string{}
	if strings.TrimSpace(c.Title) == "" {
		fields["title"] = "required"
	}
	if c.FeeFen <= 0 {
		fields["fee_fen"] = "positive_fen"
	}
	if c.StartsOn.IsZero() {
		fields["starts_on"] = "required"
	}
	if c.EndsOn.IsZero() || c.EndsOn.Before(c.StartsOn) {
		fields["ends_on"] = "after_start"
	}
	for _, d := range c.Deliverables {
		if strings.TrimSpace(d.Title) == "" || d.DueOn.Before(c.StartsOn) {
			fields["deliverables"] = "deliverable_dates"
		}
	}
	var plan int64
	for _, p := range c.Plan {
		if p.AmountFen <= 0 {
			fields["payment_plan"] = "positive_fen"
		}
		plan += p.AmountFen
	}
	if len(c.Plan) > 0 && plan != c.FeeFen {
		fields["payment_plan"] = "plan_total"
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	return nil
}

// Sign records the signature. A foreign commission needs an approved
// compliance review first (8.2.2.5).
func (c *Contract) Sign(on time.Time, document string) error {
	if c.SignedOn != nil {
		return errs.Conflict("contract.signed")
	}
	if c.Foreign && (c.ComplianceReview == nil || !c.ComplianceReview.Approved) {
		return errs.Rule("contract.foreign_review", ClauseForeign)
	}
	if strings.TrimSpace(document) == "" {
		return errs.Field("document", "required")
	}
	c.SignedOn, c.SignedDocument = &on, strings.TrimSpace(document)
	return nil
}

// Advance checks a new stage record against those already recorded: stages
// go forward only; a stage passed over needs a reason (the standard says
// 一般包括, so the list is typical, not mandatory); 实施 needs a signed
// contract; 结项 needs an 验收 record; 绩效评价 comes after 结项. It returns
// the records to store: a skip record for each stage passed over, then the
// stage itself.
func (c Contract) Advance(done []StageRecord, next StageRecord, skipReason string) ([]StageRecord, error) {
	idx := next.Stage.Index()
	if idx < 0 {
		return nil, errs.Field("stage", "invalid")
	}
	if strings.TrimSpace(next.Summary) == "" {
		return nil, errs.Field("summary", "required")
	}
	last := -1
	recorded := map[Stage]bool{}
	for _, r := range done {
		if i := r.Stage.Index(); i > last {
			last = i
		}
		if r.SkipReason == "" {
			recorded[r.Stage] = true
		}
	}
	if idx <= last {
		return nil, errs.Rule("contract.stage_backward", ClauseLifecycle).With("stage", string(next.Stage))
	}
	var out []StageRecord
	for i := last + 1; i < idx; i++ {
		if strings.TrimSpace(skipReason) == "" {
			return nil, errs.Rule("contract.stage_skipped", ClauseLifecycle).With("stage", string(Stages[i]))
		}
		out = append(out, StageRecord{ContractID: c.ID, Stage: Stages[i], SkipReason: strings.TrimSpace(skipReason), By: next.By, At: next.At})
		recorded[Stages[i]] = false
	}
	switch next.Stage {
	case "implementation":
		if c.SignedOn == nil {
			return nil, errs.Rule("contract.unsigned", ClauseLifecycle)
		}
	case "closure":
		if !recorded["acceptance"] {
			return nil, errs.Rule("contract.no_acceptance", ClauseLifecycle)
		}
	case "performance_evaluation":
		if !recorded["closure"] {
			return nil, errs.Rule("contract.not_closed", ClauseLifecycle)
		}
	}
	next.ContractID = c.ID
	return append(out, next), nil
}

// BudgetLine is a line of a special fund's budget.
type BudgetLine struct {
	ID         int64
	ContractID int64
	Name       string
	AmountFen  int64
	SpentFen   int64
}

// Charge applies an expense to a line; nothing beyond the line's budget
// may be charged (专款专用, 7.3.2.2).
func (l *BudgetLine) Charge(amountFen int64) error {
	if amountFen <= 0 {
		return errs.Field("amount_fen", "positive_fen")
	}
	if l.SpentFen+amountFen > l.AmountFen {
		return errs.Rule("contract.over_budget", ClauseFunds).With("line", l.Name).With("left", l.AmountFen-l.SpentFen)
	}
	l.SpentFen += amountFen
	return nil
}
