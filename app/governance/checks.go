package governance

import (
	"context"
	"fmt"

	appfinding "huiguan/app/finding"
	"huiguan/domain/finding"
	gov "huiguan/domain/governance"
)

// Governance rules checked in FLAG mode (rules.md).
const (
	RuleCoreOrgans        = "R-7.1.2.2-a" // the core bodies exist, with powers and methods defined
	RuleElections         = "R-7.3.3.1-b" // elections on schedule (and the 换届 reminder before a term ends)
	RulePresidentStanding = "R-7.3.3.1-c" // the president comes from a member in good standing
	RuleBranchSuffix      = "R-7.1.2.3-b" // a branch suffix outside the list needs a review
	RuleBranchScope       = "R-7.1.2.3-c" // a branch works within the association's business scope
	RuleBranchPlace       = "R-7.1.2.4"   // a place name in a branch's name awaits review
)

// Checks returns the module's compliance checks for registration.
func (s *Service) Checks() []appfinding.Check {
	checks := []appfinding.Check{
		{RuleID: RuleCoreOrgans, Clause: "7.1.2.2", Module: "governance", Evaluate: s.coreOrgans},
		{RuleID: RuleElections, Clause: "7.3.3.1", Module: "governance", Evaluate: s.elections},
		{RuleID: RulePresidentStanding, Clause: "7.3.3.1", Module: "governance", Evaluate: s.presidentStanding},
		{RuleID: RuleBranchSuffix, Clause: "7.1.2.3", Module: "governance", Evaluate: s.branchSuffix},
		{RuleID: RuleBranchScope, Clause: "7.1.2.3", Module: "governance", Evaluate: s.branchScope},
		{RuleID: RuleBranchPlace, Clause: "7.1.2.4", Module: "governance", Evaluate: s.branchPlace},
	}
	for i := range checks {
		checks[i].EvaluateObject = only(checks[i].Evaluate)
	}
	return checks
}

// only narrows a whole-table check to one object. Governance tables are
// small (a few bodies, tenures and branches), so evaluating all is cheap.
func only(all func(context.Context) ([]finding.Violation, error)) func(context.Context, string) (*finding.Violation, error) {
	return func(ctx context.Context, objectID string) (*finding.Violation, error) {
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

var bodyNames = map[gov.BodyKind]string{
	gov.GeneralAssembly: "会员（代表）大会", gov.Council: "理事会", gov.SupervisoryBoard: "监事会",
	gov.StandingCouncil: "常务理事会", gov.PresidentOffice: "会长办公会",
}

func (s *Service) coreOrgans(ctx context.Context) ([]finding.Violation, error) {
	bodies, err := s.store.Bodies(ctx)
	if err != nil {
		return nil, err
	}
	have := map[gov.BodyKind]bool{}
	var out []finding.Violation
	for _, b := range bodies {
		have[b.Kind] = true
		if !b.Complete() {
			out = append(out, finding.Violation{ObjectType: "body", ObjectID: id(b.ID), ObjectLabel: b.Name, Severity: finding.Warning,
				Message: "职权、产生方式或罢免机制未明确 / powers, formation or removal not defined"})
		}
	}
	for _, k := range []gov.BodyKind{gov.GeneralAssembly, gov.Council, gov.SupervisoryBoard} {
		if !have[k] {
			out = append(out, finding.Violation{ObjectType: "body_kind", ObjectID: string(k), ObjectLabel: bodyNames[k], Severity: finding.Warning,
				Message: "缺少" + bodyNames[k] + " / the body is missing"})
		}
	}
	return out, nil
}

// electionWindow is how long before a term's end an election may be held
// and still count as this term's 换届.
const electionWindowMonths = 6

func (s *Service) elections(ctx context.Context) ([]finding.Violation, error) {
	bodies, err := s.store.Bodies(ctx)
	if err != nil {
		return nil, err
	}
	today := s.today()
	var out []finding.Violation
	for _, b := range bodies {
		if b.Kind != gov.GeneralAssembly && b.Kind != gov.Council && b.Kind != gov.SupervisoryBoard {
			continue
		}
		warnFrom := b.TermEnd.AddDate(0, 0, -s.policy.ElectionWarnDays)
		if today.Before(warnFrom) {
			continue
		}
		held, err := s.store.ElectionSince(ctx, b.ID, b.TermEnd.AddDate(0, -electionWindowMonths, 0))
		if err != nil {
			return nil, err
		}
		if held {
			continue
		}
		end := b.TermEnd.In(shanghai).Format("2006-01-02")
		v := finding.Violation{ObjectType: "body", ObjectID: id(b.ID), ObjectLabel: b.Name}
		if today.After(b.TermEnd) {
			v.Severity = finding.Critical
			v.Message = fmt.Sprintf("任期已于 %s 届满，未记录换届选举 / term ended %s without an election", end, end)
		} else {
			v.Severity = finding.Info
			v.Message = fmt.Sprintf("换届提醒：任期将于 %s 届满 / term ends %s: prepare the election", end, end)
		}
		out = append(out, v)
	}
	return out, nil
}

func (s *Service) presidentStanding(ctx context.Context) ([]finding.Violation, error) {
	today := s.today()
	current, err := s.store.Tenures(ctx, TenureFilter{Title: gov.President, On: &today})
	if err != nil {
		return nil, err
	}
	var out []finding.Violation
	for _, t := range current {
		if t.FullTime {
			continue // 7.3.3.1 concerns entrepreneurs serving as president; a full-time president is out of scope
		}
		v := finding.Violation{ObjectType: "tenure", ObjectID: id(t.ID), ObjectLabel: "会长 " + t.PersonName, Severity: finding.Warning}
		if t.MemberID == nil {
			v.Message = "会长未关联会员企业 / the president is not linked to a member enterprise"
			out = append(out, v)
			continue
		}
		name, isCurrent, clean, err := s.members.Standing(ctx, *t.MemberID)
		if err != nil {
			return nil, err
		}
		switch {
		case !isCurrent:
			v.Message = name + " 不是现有会员 / the unit is not a current member"
		case !clean:
			v.Message = name + " 存在未解除的风险预警 / the unit has an open risk warning"
		default:
			continue
		}
		out = append(out, v)
	}
	return out, nil
}

func (s *Service) liveBranches(ctx context.Context) ([]gov.Branch, error) {
	all, err := s.store.Branches(ctx)
	if err != nil {
		return nil, err
	}
	var out []gov.Branch
	for _, b := range all {
		if b.Status != gov.Rejected && b.Status != gov.Dissolved {
			out = append(out, b)
		}
	}
	return out, nil
}

func (s *Service) branchSuffix(ctx context.Context) ([]finding.Violation, error) {
	branches, err := s.liveBranches(ctx)
	if err != nil {
		return nil, err
	}
	var out []finding.Violation
	for _, b := range branches {
		if !b.SuffixListed() && b.SuffixReview == nil {
			out = append(out, finding.Violation{ObjectType: "branch", ObjectID: id(b.ID), ObjectLabel: b.Name, Severity: finding.Warning,
				Message: "名称未以“分会”“专业委员会”等字样结束，且无体现其性质的审查记录 / suffix outside the list without a review"})
		}
	}
	return out, nil
}

func (s *Service) branchPlace(ctx context.Context) ([]finding.Violation, error) {
	branches, err := s.liveBranches(ctx)
	if err != nil {
		return nil, err
	}
	var out []finding.Violation
	for _, b := range branches {
		if b.Status == gov.PendingReview {
			out = append(out, finding.Violation{ObjectType: "branch", ObjectID: id(b.ID), ObjectLabel: b.Name, Severity: finding.Warning,
				Message: "名称含地名，须审查是否为地域性机构后方可启用 / a place name: review whether it is regional before activation"})
		}
	}
	return out, nil
}

func (s *Service) branchScope(ctx context.Context) ([]finding.Violation, error) {
	a, ok, err := s.store.Association(ctx)
	if err != nil || !ok {
		return nil, err
	}
	branches, err := s.liveBranches(ctx)
	if err != nil {
		return nil, err
	}
	var out []finding.Violation
	for _, b := range branches {
		for _, item := range b.Scope {
			if !a.InScope(item) {
				out = append(out, finding.Violation{ObjectType: "branch", ObjectID: id(b.ID), ObjectLabel: b.Name, Severity: finding.Warning,
					Message: "业务范围“" + item + "”不在本会登记的业务范围内 / a scope item outside the association's registered scope"})
				break
			}
		}
	}
	return out, nil
}
