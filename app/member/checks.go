package member

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"huiguan/domain/errs"
	"huiguan/domain/finding"
	"huiguan/domain/member"
)

// RuleReviewDue is R-8.1.2.4: the roster is maintained dynamically, so a
// current unit's record not reviewed within the review period is flagged.
const RuleReviewDue = "R-8.1.2.4"

// ReviewDueViolations lists current units whose record is overdue for review.
func (s *Service) ReviewDueViolations(ctx context.Context) ([]finding.Violation, error) {
	cut := s.clock.Now().AddDate(0, -s.policy.ReviewMonths, 0)
	due, err := s.members.ReviewDue(ctx, cut)
	if err != nil {
		return nil, err
	}
	out := make([]finding.Violation, len(due))
	for i, m := range due {
		out[i] = s.reviewDue(m)
	}
	return out, nil
}

// ReviewDueViolation checks one unit.
func (s *Service) ReviewDueViolation(ctx context.Context, objectID string) (*finding.Violation, error) {
	id, err := strconv.ParseInt(objectID, 10, 64)
	if err != nil {
		return nil, nil
	}
	m, err := s.members.Get(ctx, id)
	if err != nil {
		if errors.Is(err, errs.ErrNotFound) {
			return nil, nil
		}
		return nil, err
	}
	current := m.Status == member.Active || m.Status == member.Suspended
	if !current || !m.ReviewDue(s.clock.Now(), s.policy.ReviewMonths) {
		return nil, nil
	}
	v := s.reviewDue(m)
	return &v, nil
}

func (s *Service) reviewDue(m *member.Member) finding.Violation {
	return finding.Violation{
		ObjectType: "member", ObjectID: strconv.FormatInt(m.ID, 10), ObjectLabel: m.Name, Severity: finding.Info,
		Message: fmt.Sprintf("会员信息超过 %d 个月未复核（上次 %s） / record not reviewed for %d months",
			s.policy.ReviewMonths, m.LastReviewedAt.Format("2006-01-02"), s.policy.ReviewMonths),
	}
}

// recheck re-evaluates the registry's rules for one unit, inside the
// transaction of the change, so its findings change with it.
func (s *Service) recheck(ctx context.Context, memberID int64) error {
	if s.findings == nil {
		return nil
	}
	return s.findings.RecheckObject(ctx, RuleReviewDue, "member", strconv.FormatInt(memberID, 10))
}
