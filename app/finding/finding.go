// Package finding runs the compliance checks of the standard's FLAG-mode
// rules. Modules register a Check per rule; the service reconciles the
// stored findings with what each check reports now, after a change and
// nightly, so findings open and close themselves as the data changes.
package finding

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/finding"
)

// Check evaluates one rule over the current data.
type Check struct {
	RuleID string // e.g. "R-8.1.1.3-c"
	Clause string // e.g. "8.1.1.3"
	Module string // e.g. "fee"
	// Evaluate returns every object currently breaking the rule.
	Evaluate func(ctx context.Context) ([]finding.Violation, error)
	// EvaluateObject, when set, checks one object only, so a change to one
	// record re-checks that record instead of the whole table.
	EvaluateObject func(ctx context.Context, objectID string) (*finding.Violation, error)
}

// Store keeps findings.
type Store interface {
	OpenFor(ctx context.Context, ruleID string) ([]finding.Finding, error)
	OpenForObject(ctx context.Context, ruleID, objectType, objectID string) ([]finding.Finding, error)
	Insert(ctx context.Context, f *finding.Finding) error
	Close(ctx context.Context, f finding.Finding) error
	Update(ctx context.Context, f finding.Finding) error
	List(ctx context.Context, f Filter, p app.Page) (app.List[finding.Finding], error)
	Summary(ctx context.Context) (Summary, error)
}

// Filter narrows the findings list.
type Filter struct {
	Clause string
	Module string
	RuleID string
	Status string // "open", "closed" or ""
}

// Count is a number of open findings under a key.
type Count struct {
	Key  string
	Open int64
}

// Summary counts open findings.
type Summary struct {
	Open       int64
	ByModule   []Count
	BySeverity []Count
	ByClause   []Count
}

// Service registers checks and reconciles findings.
type Service struct {
	mu     sync.RWMutex
	checks map[string]Check
	store  Store
	audit  *audit.Log
	tx     app.Tx
	clock  app.Clock
}

// NewService builds the findings service.
func NewService(store Store, log *audit.Log, tx app.Tx, clock app.Clock) *Service {
	return &Service{checks: map[string]Check{}, store: store, audit: log, tx: tx, clock: clock}
}

// Register adds a check; registering one rule twice is a programming error.
func (s *Service) Register(c Check) error {
	if c.RuleID == "" || c.Clause == "" || c.Module == "" || c.Evaluate == nil {
		return fmt.Errorf("finding: incomplete check %q", c.RuleID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.checks[c.RuleID]; dup {
		return fmt.Errorf("finding: check %q registered twice", c.RuleID)
	}
	s.checks[c.RuleID] = c
	return nil
}

// Rules lists the registered rule ids, sorted.
func (s *Service) Rules() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]string, 0, len(s.checks))
	for id := range s.checks {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Outcome counts what a recheck changed.
type Outcome struct {
	Rules, Opened, Closed, Updated int
}

// Recheck re-evaluates the given rules (all when none is given). Modules call
// it after a change that may open or close a finding.
func (s *Service) Recheck(ctx context.Context, ruleIDs ...string) (Outcome, error) {
	if len(ruleIDs) == 0 {
		ruleIDs = s.Rules()
	}
	var out Outcome
	for _, id := range ruleIDs {
		s.mu.RLock()
		c, ok := s.checks[id]
		s.mu.RUnlock()
		if !ok {
			return out, errs.NotFound("finding_rule")
		}
		o, err := s.recheck(ctx, c)
		if err != nil {
			return out, fmt.Errorf("finding: %s: %w", id, err)
		}
		out.Rules++
		out.Opened += o.Opened
		out.Closed += o.Closed
		out.Updated += o.Updated
	}
	return out, nil
}

// RecheckObject re-evaluates one object under one rule, in the transaction
// of ctx when there is one, so the finding changes with the data.
func (s *Service) RecheckObject(ctx context.Context, ruleID, objectType, objectID string) error {
	s.mu.RLock()
	c, ok := s.checks[ruleID]
	s.mu.RUnlock()
	if !ok {
		return nil // the rule's module is not wired: nothing to check
	}
	if c.EvaluateObject == nil {
		_, err := s.recheck(ctx, c)
		return err
	}
	return s.tx.Do(ctx, func(ctx context.Context) error {
		v, err := c.EvaluateObject(ctx, objectID)
		if err != nil {
			return err
		}
		var current []finding.Violation
		if v != nil {
			current = append(current, *v)
		}
		open, err := s.store.OpenForObject(ctx, ruleID, objectType, objectID)
		if err != nil {
			return err
		}
		_, err = s.apply(ctx, c, finding.Reconcile(open, current))
		return err
	})
}

func (s *Service) recheck(ctx context.Context, c Check) (Outcome, error) {
	var out Outcome
	err := s.tx.Do(ctx, func(ctx context.Context) error {
		current, err := c.Evaluate(ctx)
		if err != nil {
			return err
		}
		open, err := s.store.OpenFor(ctx, c.RuleID)
		if err != nil {
			return err
		}
		out, err = s.apply(ctx, c, finding.Reconcile(open, current))
		return err
	})
	return out, err
}

// apply writes a reconciliation: opens, closes and updates, each audited.
func (s *Service) apply(ctx context.Context, c Check, r finding.Reconciliation) (Outcome, error) {
	now := s.clock.Now()
	for _, v := range r.Open {
		f := &finding.Finding{
			RuleID: c.RuleID, Clause: c.Clause, Module: c.Module, ObjectType: v.ObjectType, ObjectID: v.ObjectID,
			ObjectLabel: v.ObjectLabel, Severity: v.Severity, Message: v.Message, OpenedAt: now,
		}
		if err := s.store.Insert(ctx, f); err != nil {
			return Outcome{}, err
		}
		if err := s.audit.Record(ctx, audit.Change{Action: "finding.open", Entity: "finding", EntityID: f.ID, After: f}); err != nil {
			return Outcome{}, err
		}
	}
	for _, f := range r.Close {
		f.ClosedAt = &now
		if err := s.store.Close(ctx, f); err != nil {
			return Outcome{}, err
		}
		if err := s.audit.Record(ctx, audit.Change{Action: "finding.close", Entity: "finding", EntityID: f.ID, After: f}); err != nil {
			return Outcome{}, err
		}
	}
	for _, f := range r.Update {
		if err := s.store.Update(ctx, f); err != nil {
			return Outcome{}, err
		}
	}
	return Outcome{Opened: len(r.Open), Closed: len(r.Close), Updated: len(r.Update)}, nil
}

// List returns a page of findings, open ones first, newest first.
func (s *Service) List(ctx context.Context, f Filter, p app.Page) (app.List[finding.Finding], error) {
	if f.Status != "" && f.Status != "open" && f.Status != "closed" {
		return app.List[finding.Finding]{}, errs.Field("status", "invalid")
	}
	return s.store.List(ctx, f, p)
}

// Summary counts open findings by module, severity and clause.
func (s *Service) Summary(ctx context.Context) (Summary, error) { return s.store.Summary(ctx) }
