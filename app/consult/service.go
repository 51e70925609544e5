// Package consult runs consulting services and government projects (8.2.2,
// 7.3.1, 7.3.2): the catalogue, clients, contracts and their lifecycle,
// special-fund budgets, consulting receipts and the compliance review of
// foreign commissions.
package consult

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"huiguan/app"
	"huiguan/app/audit"
	appfinding "huiguan/app/finding"
	"huiguan/domain/consult"
	"huiguan/domain/errs"
	"huiguan/domain/finding"
)

// Store keeps consulting records.
type Store interface {
	SaveService(ctx context.Context, s *consult.Service) error
	Services(ctx context.Context) ([]consult.Service, error)
	Service(ctx context.Context, id int64) (consult.Service, error)
	SaveClient(ctx context.Context, c *consult.Client) error
	Clients(ctx context.Context) ([]consult.Client, error)
	Client(ctx context.Context, id int64) (consult.Client, error)

	CreateContract(ctx context.Context, c *consult.Contract) error
	UpdateContract(ctx context.Context, c consult.Contract) error
	Contract(ctx context.Context, id int64) (consult.Contract, error)
	ContractForUpdate(ctx context.Context, id int64) (consult.Contract, error)
	Contracts(ctx context.Context, p app.Page) (app.List[consult.Contract], error)
	AllContracts(ctx context.Context) ([]consult.Contract, error)

	Stages(ctx context.Context, contractID int64) ([]consult.StageRecord, error)
	AddStages(ctx context.Context, rs []consult.StageRecord) error

	Lines(ctx context.Context, contractID int64) ([]consult.BudgetLine, error)
	AddLine(ctx context.Context, l *consult.BudgetLine) error
	LineForUpdate(ctx context.Context, contractID, lineID int64) (consult.BudgetLine, error)
	SaveLineSpent(ctx context.Context, l consult.BudgetLine) error
	AddExpense(ctx context.Context, e *Expense) error
	Expenses(ctx context.Context, contractID int64) ([]Expense, error)
	AddReceipt(ctx context.Context, r *Receipt) error
	Receipts(ctx context.Context, contractID int64) ([]Receipt, error)
}

// Expense is a charge against a special fund's budget line.
type Expense struct {
	ID          int64
	ContractID  int64
	LineID      int64
	AmountFen   int64
	SpentOn     time.Time
	Description string
	By          string
}

// Receipt is consulting income, kept apart from member dues.
type Receipt struct {
	ID         int64
	ContractID int64
	AmountFen  int64
	ReceivedOn time.Time
	Reference  string
	By         string
}

// Scope answers whether an item is in the association's business scope.
type Scope interface {
	InScope(ctx context.Context, item string) (bool, error)
}

// Locks hands out contract numbers.
type Locks interface {
	Next(ctx context.Context, sequence string) (int64, error)
}

// Service holds the consulting use cases.
type Service struct {
	store    Store
	scope    Scope
	locks    Locks
	audit    *audit.Log
	tx       app.Tx
	clock    app.Clock
	grace    int // PERF_EVAL_GRACE_DAYS
	findings interface {
		RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
	}
}

// Deps are the service's collaborators.
type Deps struct {
	Store     Store
	Scope     Scope
	Locks     Locks
	Audit     *audit.Log
	Tx        app.Tx
	Clock     app.Clock
	GraceDays int
	Findings  interface {
		RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error
	}
}

// NewService builds the consulting service.
func NewService(d Deps) *Service {
	return &Service{store: d.Store, scope: d.Scope, locks: d.Locks, audit: d.Audit, tx: d.Tx, clock: d.Clock, grace: d.GraceDays, findings: d.Findings}
}

func notFound(err error, entity string) error {
	if errors.Is(err, errs.ErrNotFound) {
		return errs.NotFound(entity)
	}
	return err
}

func user(ctx context.Context) string {
	p, _ := app.PrincipalFrom(ctx)
	return p.Username
}

// SaveService adds or changes a catalogue entry within the business scope.
func (s *Service) SaveService(ctx context.Context, svc consult.Service) (consult.Service, error) {
	var scopeErr error
	err := svc.Validate(func(item string) bool {
		ok, err := s.scope.InScope(ctx, item)
		scopeErr = err
		return ok
	})
	if scopeErr != nil {
		return svc, scopeErr
	}
	if err != nil {
		return svc, err
	}
	return svc, s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.SaveService(ctx, &svc); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Conflict("consulting.service_exists")
			}
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "consulting.service", Entity: "consulting_service", EntityID: svc.ID, After: svc})
	})
}

// Services lists the catalogue.
func (s *Service) Services(ctx context.Context) ([]consult.Service, error) {
	return s.store.Services(ctx)
}

// SaveClient adds a client.
func (s *Service) SaveClient(ctx context.Context, c consult.Client) (consult.Client, error) {
	switch c.Kind {
	case consult.MemberClient, consult.Organisation, consult.Government, consult.IndividualClient:
	default:
		return c, errs.Field("kind", "invalid")
	}
	if strings.TrimSpace(c.Name) == "" {
		return c, errs.Field("name", "required")
	}
	if c.Kind == consult.MemberClient && c.MemberID == nil {
		return c, errs.Field("member_id", "required")
	}
	return c, s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.store.SaveClient(ctx, &c); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "consulting.client", Entity: "consulting_client", EntityID: c.ID, After: c})
	})
}

// Clients lists clients.
func (s *Service) Clients(ctx context.Context) ([]consult.Client, error) { return s.store.Clients(ctx) }

// SaveContract creates (ID 0) or updates an unsigned contract. The client
// decides whether it is a foreign commission; the service must be active.
func (s *Service) SaveContract(ctx context.Context, c consult.Contract) (consult.Contract, error) {
	if err := c.Validate(); err != nil {
		return c, err
	}
	client, err := s.store.Client(ctx, c.ClientID)
	if err != nil {
		return c, errs.Field("client_id", "client_unknown")
	}
	svc, err := s.store.Service(ctx, c.ServiceID)
	if err != nil || !svc.Active {
		return c, errs.Field("service_id", "service_unknown")
	}
	c.Foreign = client.Foreign
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		action := "consulting.contract_create"
		if c.ID == 0 {
			n, err := s.locks.Next(ctx, "contract/"+strconv.Itoa(c.StartsOn.Year()))
			if err != nil {
				return err
			}
			c.ContractNo = fmt.Sprintf("ZX%d-%04d", c.StartsOn.Year(), n)
			if err := s.store.CreateContract(ctx, &c); err != nil {
				return err
			}
		} else {
			old, err := s.store.ContractForUpdate(ctx, c.ID)
			if err != nil {
				return notFound(err, "contract")
			}
			if old.SignedOn != nil {
				return errs.Rule("contract.signed_fixed", "")
			}
			c.ContractNo, c.ComplianceReview, action = old.ContractNo, old.ComplianceReview, "consulting.contract_update"
			if err := s.store.UpdateContract(ctx, c); err != nil {
				return err
			}
		}
		return s.audit.Record(ctx, audit.Change{Action: action, Entity: "consulting_contract", EntityID: c.ID, After: c})
	})
	return c, err
}

// Contract returns one contract.
func (s *Service) Contract(ctx context.Context, id int64) (consult.Contract, error) {
	c, err := s.store.Contract(ctx, id)
	return c, notFound(err, "contract")
}

// Contracts lists contracts.
func (s *Service) Contracts(ctx context.Context, p app.Page) (app.List[consult.Contract], error) {
	return s.store.Contracts(ctx, p)
}

func (s *Service) change(ctx context.Context, id int64, action string, fn func(*consult.Contract) error) (consult.Contract, error) {
	var c consult.Contract
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		var err error
		if c, err = s.store.ContractForUpdate(ctx, id); err != nil {
			return notFound(err, "contract")
		}
		if err := fn(&c); err != nil {
			return err
		}
		if err := s.store.UpdateContract(ctx, c); err != nil {
			return err
		}
		if err := s.recheck(ctx, c.ID); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: action, Entity: "consulting_contract", EntityID: c.ID, After: c})
	})
	return c, err
}

// MarkDeliverable records a deliverable as delivered (or not), which is what
// clears its overdue flag (8.2.2.3). It stays possible after signing: the
// contract's terms are fixed, its performance is not.
func (s *Service) MarkDeliverable(ctx context.Context, id int64, index int, done bool) (consult.Contract, error) {
	return s.change(ctx, id, "consulting.deliverable", func(c *consult.Contract) error {
		if index < 0 || index >= len(c.Deliverables) {
			return errs.NotFound("deliverable")
		}
		c.Deliverables[index].Done = done
		return nil
	})
}

// RecordReview records the compliance review of a foreign commission.
func (s *Service) RecordReview(ctx context.Context, id int64, r consult.Review) (consult.Contract, error) {
	if strings.TrimSpace(r.Reviewer) == "" || strings.TrimSpace(r.Conclusion) == "" || r.ReviewedOn.IsZero() {
		return consult.Contract{}, errs.Invalid("request.invalid_fields", map[string]string{"reviewer": "required", "conclusion": "required", "reviewed_on": "required"})
	}
	return s.change(ctx, id, "consulting.compliance_review", func(c *consult.Contract) error {
		if c.SignedOn != nil {
			return errs.Rule("contract.signed_fixed", "")
		}
		c.ComplianceReview = &r
		return nil
	})
}

// Sign records the signature (a foreign commission needs its review).
func (s *Service) Sign(ctx context.Context, id int64, on time.Time, document string) (consult.Contract, error) {
	if on.IsZero() {
		return consult.Contract{}, errs.Field("signed_on", "required")
	}
	return s.change(ctx, id, "consulting.sign", func(c *consult.Contract) error { return c.Sign(on, document) })
}

// AddStage records a lifecycle stage, with skip records for stages passed over.
func (s *Service) AddStage(ctx context.Context, id int64, stage consult.Stage, summary, skipReason string, documents []string) ([]consult.StageRecord, error) {
	var out []consult.StageRecord
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		c, err := s.store.ContractForUpdate(ctx, id)
		if err != nil {
			return notFound(err, "contract")
		}
		done, err := s.store.Stages(ctx, id)
		if err != nil {
			return err
		}
		recs, err := c.Advance(done, consult.StageRecord{Stage: stage, Summary: strings.TrimSpace(summary), Documents: documents,
			By: user(ctx), At: s.clock.Now()}, skipReason)
		if err != nil {
			return err
		}
		if err := s.store.AddStages(ctx, recs); err != nil {
			return err
		}
		out = recs
		if err := s.recheck(ctx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "consulting.stage", Entity: "consulting_contract", EntityID: id, After: recs})
	})
	return out, err
}

// Stages lists a contract's lifecycle records.
func (s *Service) Stages(ctx context.Context, id int64) ([]consult.StageRecord, error) {
	return s.store.Stages(ctx, id)
}

// AddBudgetLine adds a line to a special fund's budget.
func (s *Service) AddBudgetLine(ctx context.Context, id int64, name string, amountFen int64) (consult.BudgetLine, error) {
	l := consult.BudgetLine{ContractID: id, Name: strings.TrimSpace(name), AmountFen: amountFen}
	if l.Name == "" || amountFen <= 0 {
		return l, errs.Invalid("request.invalid_fields", map[string]string{"name": "required", "amount_fen": "positive_fen"})
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		c, err := s.store.ContractForUpdate(ctx, id)
		if err != nil {
			return notFound(err, "contract")
		}
		if !c.SpecialFund {
			return errs.Rule("contract.not_special_fund", "")
		}
		if err := s.store.AddLine(ctx, &l); err != nil {
			if errors.Is(err, errs.ErrConflict) {
				return errs.Conflict("contract.line_exists")
			}
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "consulting.budget_line", Entity: "consulting_contract", EntityID: id, After: l})
	})
	return l, err
}

// Charge records an expense against a budget line; beyond the line's
// budget it is refused (7.3.2.2).
func (s *Service) Charge(ctx context.Context, id, lineID, amountFen int64, on time.Time, description string) (Expense, error) {
	e := Expense{ContractID: id, LineID: lineID, AmountFen: amountFen, SpentOn: on, Description: strings.TrimSpace(description), By: user(ctx)}
	if e.Description == "" || on.IsZero() {
		return e, errs.Invalid("request.invalid_fields", map[string]string{"description": "required", "spent_on": "required"})
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		l, err := s.store.LineForUpdate(ctx, id, lineID)
		if err != nil {
			if errors.Is(err, errs.ErrNotFound) {
				return errs.Field("line_id", "line_unknown")
			}
			return err
		}
		if err := l.Charge(amountFen); err != nil {
			return err
		}
		if err := s.store.SaveLineSpent(ctx, l); err != nil {
			return err
		}
		if err := s.store.AddExpense(ctx, &e); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "consulting.expense", Entity: "consulting_contract", EntityID: id, After: e})
	})
	return e, err
}

// Budget returns a contract's lines and expenses.
func (s *Service) Budget(ctx context.Context, id int64) ([]consult.BudgetLine, []Expense, error) {
	lines, err := s.store.Lines(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	exps, err := s.store.Expenses(ctx, id)
	return lines, exps, err
}

// AddReceipt records consulting income for a contract.
func (s *Service) AddReceipt(ctx context.Context, id, amountFen int64, on time.Time, reference string) (Receipt, error) {
	r := Receipt{ContractID: id, AmountFen: amountFen, ReceivedOn: on, Reference: strings.TrimSpace(reference), By: user(ctx)}
	if amountFen <= 0 || on.IsZero() {
		return r, errs.Invalid("request.invalid_fields", map[string]string{"amount_fen": "positive_fen", "received_on": "required"})
	}
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		c, err := s.store.Contract(ctx, id)
		if err != nil {
			return notFound(err, "contract")
		}
		got, err := s.store.Receipts(ctx, id)
		if err != nil {
			return err
		}
		var sum int64
		for _, x := range got {
			sum += x.AmountFen
		}
		if sum+amountFen > c.FeeFen {
			return errs.Rule("contract.receipt_over_fee", "")
		}
		if err := s.store.AddReceipt(ctx, &r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Change{Action: "consulting.receipt", Entity: "consulting_contract", EntityID: id, After: r})
	})
	return r, err
}

// Receipts lists a contract's receipts.
func (s *Service) Receipts(ctx context.Context, id int64) ([]Receipt, error) {
	return s.store.Receipts(ctx, id)
}

// ---- findings ----

// Consulting rules checked in FLAG mode.
const (
	RulePerfEval = "R-7.3.1.1-a" // 绩效评价 recorded within the grace period after 结项
	RuleOverdue  = "R-8.2.2.3"   // deliverables past due and not done
)

func (s *Service) recheck(ctx context.Context, id int64) error {
	if s.findings == nil {
		return nil
	}
	for _, rule := range []string{RulePerfEval, RuleOverdue} {
		if err := s.findings.RecheckObject(ctx, rule, "consulting_contract", strconv.FormatInt(id, 10)); err != nil {
			return err
		}
	}
	return nil
}

// Checks returns the module's compliance checks.
func (s *Service) Checks() []appfinding.Check {
	checks := []appfinding.Check{
		{RuleID: RulePerfEval, Clause: "7.3.1.1", Module: "consulting", Evaluate: s.perfEval},
		{RuleID: RuleOverdue, Clause: "8.2.2.3", Module: "consulting", Evaluate: s.overdue},
	}
	for i := range checks {
		all := checks[i].Evaluate
		checks[i].EvaluateObject = func(ctx context.Context, objectID string) (*finding.Violation, error) {
			vs, err := all(ctx)
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				if v.ObjectID == objectID {
					return &v, nil
				}
			}
			return nil, nil
		}
	}
	return checks
}

func (s *Service) perfEval(ctx context.Context) ([]finding.Violation, error) {
	contracts, err := s.store.AllContracts(ctx)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var out []finding.Violation
	for _, c := range contracts {
		stages, err := s.store.Stages(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		var closedAt time.Time
		evaluated := false
		for _, r := range stages {
			if r.Stage == "closure" && r.SkipReason == "" {
				closedAt = r.At
			}
			if r.Stage == "performance_evaluation" {
				evaluated = true
			}
		}
		if !closedAt.IsZero() && !evaluated && now.After(closedAt.AddDate(0, 0, s.grace)) {
			out = append(out, finding.Violation{ObjectType: "consulting_contract", ObjectID: strconv.FormatInt(c.ID, 10), ObjectLabel: c.ContractNo + " " + c.Title,
				Severity: finding.Warning, Message: fmt.Sprintf("结项超过 %d 天仍未开展绩效评价 / no performance evaluation %d days after closure", s.grace, s.grace)})
		}
	}
	return out, nil
}

func (s *Service) overdue(ctx context.Context) ([]finding.Violation, error) {
	contracts, err := s.store.AllContracts(ctx)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var out []finding.Violation
	for _, c := range contracts {
		for _, d := range c.Deliverables {
			if !d.Done && now.After(d.DueOn.AddDate(0, 0, 1)) {
				out = append(out, finding.Violation{ObjectType: "consulting_contract", ObjectID: strconv.FormatInt(c.ID, 10), ObjectLabel: c.ContractNo + " " + c.Title,
					Severity: finding.Warning, Message: "交付成果“" + d.Title + "”已逾期 / a deliverable is overdue"})
				break
			}
		}
	}
	return out, nil
}
