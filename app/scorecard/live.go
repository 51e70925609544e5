package scorecard

import (
	"context"
	"fmt"
	"time"

	sc "huiguan/domain/scorecard"
)

// AutoResult is a computed indicator: its score, the formula in words and
// the figures behind it (the drill-down).
type AutoResult struct {
	ID        string
	Score     sc.Score
	FormulaZh string
	FormulaEn string
	Figures   map[string]int
	Findings  int // open findings of the clause that lowered it
}

func pct(a, b int) int {
	if b == 0 {
		return 0
	}
	return (100*a + b/2) / b
}

func avg(vs ...int) int {
	s := 0
	for _, v := range vs {
		s += v
	}
	return (s + len(vs)/2) / len(vs)
}

type autoRule struct {
	zh, en string
	fn     func(f Facts, deadline func(int) time.Time) (sc.Score, map[string]int)
}

// autoRules computes the indicators the modules hold data for. A module
// without data gives NoData, never a number.
var autoRules = map[string]autoRule{
	"7.1.2.2": {"三个核心机构（会员大会、理事会、监事会）职权、产生和罢免机制明确的比例", "share of the three core bodies with powers, formation and removal defined",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			return sc.Score{Value: pct(f.Governance.CoreComplete, 3)}, map[string]int{"core_complete": f.Governance.CoreComplete}
		}},
	"7.1.2.3": {"分支（代表）机构规范命名的比例", "share of branches named by the rules",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Governance.Branches == 0 {
				return sc.Score{NA: true}, nil
			}
			return sc.Score{Value: pct(f.Governance.NamedOK, f.Governance.Branches)}, map[string]int{"branches": f.Governance.Branches, "named_ok": f.Governance.NamedOK}
		}},
	"7.1.2.4": {"无地域性分支机构，地名审查无积压为 100", "100 with no regional branch and no pending place-name review",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			v := 100
			if f.Governance.PendingPlace > 0 {
				v = 50
			}
			return sc.Score{Value: v}, map[string]int{"pending_reviews": f.Governance.PendingPlace}
		}},
	"7.3.1.1": {"已结项项目中全周期记录完整（签约后实施、各阶段有记录）的比例", "share of closed projects with full lifecycle records",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Consulting.Closed == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Consulting.FullLifecycle, f.Consulting.Closed)}, map[string]int{"closed": f.Consulting.Closed, "full": f.Consulting.FullLifecycle}
		}},
	"7.3.3.1": {"100 − 50 × 逾期未换届的机构数；专职会长、秘书长超任期为 0", "100 − 50 per body overdue for election; 0 if a full-time term limit is exceeded",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			v := max(0, 100-50*f.Governance.OverdueElections)
			if f.Governance.FullTimeOverLimit > 0 {
				v = 0
			}
			return sc.Score{Value: v}, map[string]int{"overdue_elections": f.Governance.OverdueElections}
		}},
	"8.1.1.1": {"会员层级不超过 4 级且各层级有基本服务项目", "at most four tiers, each with its basic services",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Tiers.Active == 0 {
				return sc.Score{NoData: true}, nil
			}
			v := pct(f.Tiers.WithServices, f.Tiers.Active)
			if f.Tiers.Active > 4 {
				v = 0
			}
			return sc.Score{Value: v}, map[string]int{"active_tiers": f.Tiers.Active, "with_services": f.Tiers.WithServices}
		}},
	"8.1.1.2": {"以会员大会通过的会费标准决议为依据的会费标准比例", "share of fee standards backed by a passed general-assembly resolution",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Fees.Standards == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Fees.Backed, f.Fees.Standards)}, map[string]int{"standards": f.Fees.Standards, "backed": f.Fees.Backed}
		}},
	"8.1.1.3": {"上年度收支公示：按期公布 100，逾期 50，未公布 0（不重复收费由数据库唯一约束保证）", "last year's disclosure: on time 100, late 50, absent 0",
		func(f Facts, deadline func(int) time.Time) (sc.Score, map[string]int) {
			if !f.Fees.HasLastYearDues {
				return sc.Score{NoData: true}, nil
			}
			switch p := f.Fees.LastYearPublishedAt; {
			case p == nil:
				return sc.Score{Value: 0}, map[string]int{"published": 0}
			case p.After(deadline(0)):
				return sc.Score{Value: 50}, map[string]int{"published": 1, "on_time": 0}
			}
			return sc.Score{Value: 100}, map[string]int{"published": 1, "on_time": 1}
		}},
	"8.1.2.1": {"现有会员均为合格法人单位（入会审查强制执行）", "every current member an eligible legal person (enforced at admission)",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Members.Active == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: 100}, map[string]int{"members": f.Members.Active}
		}},
	"8.1.2.3": {"名册信息完整的现有会员比例", "share of current members with a complete roster entry",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Members.Active == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Members.Complete, f.Members.Active)}, map[string]int{"members": f.Members.Active, "complete": f.Members.Complete}
		}},
	"8.1.2.4": {"分类完整率与按期复核率的平均", "mean of classification and timely-review shares",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Members.Active == 0 {
				return sc.Score{NoData: true}, nil
			}
			c, u := pct(f.Members.Classified, f.Members.Active), pct(f.Members.Reviewed, f.Members.Active)
			return sc.Score{Value: avg(c, u)}, map[string]int{"members": f.Members.Active, "classified": f.Members.Classified, "reviewed": f.Members.Reviewed}
		}},
	"8.2.1.1": {"已发布活动中策划要素（负责人、团队、目标、计划、风险）齐全的比例", "share of events with lead, team, goals, plan and risks",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Events.Led == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Events.PlanComplete, f.Events.Led)}, map[string]int{"events": f.Events.Led, "complete": f.Events.PlanComplete}
		}},
	"8.2.1.3": {"保存期届满的活动中已按期匿名化的比例", "share of events past retention whose attendee data was erased",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Events.DueAnonymise == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Events.Anonymised, f.Events.DueAnonymise)}, map[string]int{"due": f.Events.DueAnonymise, "anonymised": f.Events.Anonymised}
		}},
	"8.2.1.4": {"已举办大型活动中安全报备、消防检查和应急预案齐全的比例", "share of large events held with a complete safety gate",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Events.Large == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Events.LargeGated, f.Events.Large)}, map[string]int{"large": f.Events.Large, "gated": f.Events.LargeGated}
		}},
	"8.2.1.6": {"活动中应急预案覆盖四类风险且与场地方确认的比例", "share of events with a complete emergency plan",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Events.Planned == 0 {
				return sc.Score{NoData: true}, nil
			}
			return sc.Score{Value: pct(f.Events.EmergencyOK, f.Events.Planned)}, map[string]int{"events": f.Events.Planned, "complete": f.Events.EmergencyOK}
		}},
	"8.2.2.5": {"已签约境外委托项目中经合规审查通过的比例", "share of signed foreign commissions with an approved review",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Consulting.Foreign == 0 {
				return sc.Score{NA: true}, nil
			}
			return sc.Score{Value: pct(f.Consulting.ForeignReviewed, f.Consulting.Foreign)}, map[string]int{"foreign": f.Consulting.Foreign, "reviewed": f.Consulting.ForeignReviewed}
		}},
	"8.4.1.5": {"名单决定依据完整率与申诉按期（30 天）处理率的平均", "mean of documented list decisions and appeals answered within 30 days",
		func(f Facts, _ func(int) time.Time) (sc.Score, map[string]int) {
			if f.Credit.Entries == 0 {
				return sc.Score{NoData: true}, nil
			}
			a := pct(f.Credit.Documented, f.Credit.Entries)
			b := 100
			if f.Credit.Appeals > 0 {
				b = pct(f.Credit.OnTime, f.Credit.Appeals)
			}
			return sc.Score{Value: avg(a, b)}, map[string]int{"entries": f.Credit.Entries, "appeals": f.Credit.Appeals, "on_time": f.Credit.OnTime}
		}},
}

// supporting data shown with evidence indicators (the system pre-attaches
// what it holds for the clause).
var supporting = map[string]func(Facts) map[string]int{
	"7.3.2.2": func(f Facts) map[string]int {
		return map[string]int{"budget_lines": f.Consulting.Lines, "within_budget": f.Consulting.LinesWithinBudget}
	},
}

// findingPenalty lowers an indicator for each open warning or critical
// finding of its clause: 10 points each, to no less than zero.
const findingPenalty = 10

// Live computes the auto indicators and the roll-up now.
func (s *Service) Live(ctx context.Context) (Live, error) {
	return s.compute(ctx, s.clock.Now())
}

// Live is the live scorecard.
type Live struct {
	At         time.Time
	Indicators []AutoResult
	Result     sc.Result
	Supporting map[string]map[string]int
}

func (s *Service) compute(ctx context.Context, at time.Time) (Live, error) {
	f, err := s.facts.Facts(ctx, at, s.policy.ReviewMonths, s.policy.RetentionDays)
	if err != nil {
		return Live{}, err
	}
	deadline := func(int) time.Time {
		y := at.In(shanghai).Year()
		t, err := time.ParseInLocation("2006-01-02", fmt.Sprintf("%04d-%s", y, s.policy.DisclosureDeadline), shanghai)
		if err != nil {
			return time.Date(y, 6, 30, 23, 59, 59, 0, shanghai)
		}
		return t.Add(24*time.Hour - time.Second)
	}
	out := Live{At: at, Supporting: map[string]map[string]int{}}
	scores := map[string]sc.Score{}
	for _, ind := range s.catalogue.Indicators {
		rule, ok := autoRules[ind.ID]
		if !ok {
			if fn, ok := supporting[ind.ID]; ok {
				out.Supporting[ind.ID] = fn(f)
			}
			continue
		}
		score, figures := rule.fn(f, deadline)
		n := f.FindingsByClause[ind.ID]
		if score.Applicable() && n > 0 {
			score.Value = max(0, score.Value-findingPenalty*n)
		}
		scores[ind.ID] = score
		out.Indicators = append(out.Indicators, AutoResult{ID: ind.ID, Score: score, FormulaZh: rule.zh, FormulaEn: rule.en, Figures: figures, Findings: n})
	}
	out.Result = sc.RollUp(s.catalogue, scores, s.bands, 0)
	return out, nil
}
