package fee

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	appfinding "huiguan/app/finding"
	"huiguan/domain/errs"
	"huiguan/domain/fee"
	"huiguan/domain/finding"
)

// Dues rules checked in FLAG mode.
const (
	RuleDisclosure = "R-8.1.1.3-b" // the year's disclosure is published by the deadline
	RuleMainUse    = "R-8.1.1.3-c" // fees mainly fund member services and business activities
)

// Checks returns the module's compliance checks.
func (s *Service) Checks() []appfinding.Check {
	return []appfinding.Check{
		{RuleID: RuleDisclosure, Clause: "8.1.1.3", Module: "fee", Evaluate: s.disclosureDue, EvaluateObject: s.disclosureDueYear},
		{RuleID: RuleMainUse, Clause: "8.1.1.3", Module: "fee", Evaluate: s.mainUse, EvaluateObject: s.mainUseYear},
	}
}

// yearsWithDues are the years that have bills, up to last year.
func (s *Service) yearsWithDues(ctx context.Context) ([]int, error) {
	standards, err := s.store.Standards(ctx, 0)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var out []int
	for _, st := range standards {
		if !seen[st.Year] && st.Year < s.today().Year() {
			seen[st.Year] = true
			out = append(out, st.Year)
		}
	}
	return out, nil
}

func (s *Service) disclosureDue(ctx context.Context) ([]finding.Violation, error) {
	years, err := s.yearsWithDues(ctx)
	if err != nil {
		return nil, err
	}
	var out []finding.Violation
	for _, y := range years {
		v, err := s.disclosureDueYear(ctx, strconv.Itoa(y))
		if err != nil {
			return nil, err
		}
		if v != nil {
			out = append(out, *v)
		}
	}
	return out, nil
}

// disclosureDueYear flags a year whose disclosure is unpublished: a
// reminder in the 30 days before the deadline, a warning after it.
func (s *Service) disclosureDueYear(ctx context.Context, yearID string) (*finding.Violation, error) {
	year, err := strconv.Atoi(yearID)
	if err != nil {
		return nil, nil
	}
	if _, err := s.Disclosure(ctx, year, 0, true); err == nil {
		return nil, nil
	} else if !errors.Is(err, errs.ErrNotFound) {
		return nil, err
	}
	deadline := fee.Deadline(year, s.policy.DisclosureDeadline, shanghai)
	today := s.today()
	if today.Before(deadline.AddDate(0, 0, -30)) {
		return nil, nil
	}
	v := finding.Violation{ObjectType: "fee_year", ObjectID: yearID, ObjectLabel: yearID + " 年度会费收支公示", Severity: finding.Info,
		Message: fmt.Sprintf("%d 年度会费收支情况应于 %s 前向会员公布 / due by %s", year, deadline.Format("2006-01-02"), deadline.Format("2006-01-02"))}
	if today.After(deadline) {
		v.Severity = finding.Warning
		v.Message = fmt.Sprintf("%d 年度会费收支情况逾期未公布（期限 %s） / overdue since %s", year, deadline.Format("2006-01-02"), deadline.Format("2006-01-02"))
	}
	return &v, nil
}

func (s *Service) mainUse(ctx context.Context) ([]finding.Violation, error) {
	standards, err := s.store.Standards(ctx, 0)
	if err != nil {
		return nil, err
	}
	seen := map[int]bool{}
	var out []finding.Violation
	for _, st := range standards {
		if seen[st.Year] {
			continue
		}
		seen[st.Year] = true
		v, err := s.mainUseYear(ctx, strconv.Itoa(st.Year))
		if err != nil {
			return nil, err
		}
		if v != nil {
			out = append(out, *v)
		}
	}
	return out, nil
}

func (s *Service) mainUseYear(ctx context.Context, yearID string) (*finding.Violation, error) {
	year, err := strconv.Atoi(yearID)
	if err != nil {
		return nil, nil
	}
	t, err := s.store.FundTotals(ctx, year, true)
	if err != nil {
		return nil, err
	}
	share, ok := fee.MainUseShare(t.ExpensesByCategory)
	if !ok || share >= s.policy.MainUseShareBP {
		return nil, nil
	}
	return &finding.Violation{ObjectType: "fee_year", ObjectID: yearID, ObjectLabel: yearID + " 年度会费支出", Severity: finding.Warning,
		Message: fmt.Sprintf("会员服务和业务活动支出占 %d.%02d%%，低于 %d%% / member services and activities took %d.%02d%%, below %d%%",
			share/100, share%100, s.policy.MainUseShareBP/100, share/100, share%100, s.policy.MainUseShareBP/100)}, nil
}
