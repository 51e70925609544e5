package consult_test

import (
	"errors"
	"testing"
	"time"

	"huiguan/domain/consult"
	"huiguan/domain/errs"
)

var d0 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func clause(t *testing.T, err error, code, want string) {
	t.Helper()
	e, ok := errs.As(err)
	if !ok || e.Code != code || e.Clause != want {
		t.Fatalf("err = %v, want %s citing %s", err, code, want)
	}
}

func TestScope(t *testing.T) {
	t.Parallel()
	in := func(s string) bool { return s == "咨询服务" }
	ok := consult.Service{Name: "物流园区规划咨询", Category: "management", ScopeItem: "咨询服务"}
	if err := ok.Validate(in); err != nil {
		t.Fatal(err)
	}
	out := ok
	out.ScopeItem = "物业管理"
	clause(t, out.Validate(in), "consulting.out_of_scope", "8.2.2.1")
}

func contract() consult.Contract {
	return consult.Contract{ID: 1, Title: "冷链物流发展规划", FeeFen: 800000, StartsOn: d0, EndsOn: d0.AddDate(0, 6, 0),
		Deliverables: []consult.Deliverable{{Title: "规划报告", DueOn: d0.AddDate(0, 5, 0)}}}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	c := contract()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	c.FeeFen = -1
	c.Deliverables[0].DueOn = d0.AddDate(0, 0, -1)
	err := c.Validate()
	if e, _ := errs.As(err); e == nil || e.Fields["fee_fen"] == "" || e.Fields["deliverables"] == "" {
		t.Fatalf("negative fee and early deliverable: %v", err)
	}
}

func TestForeignNeedsReview(t *testing.T) {
	t.Parallel()
	c := contract()
	c.Foreign = true
	clause(t, c.Sign(d0, "合同扫描件"), "contract.foreign_review", "8.2.2.5")
	c.ComplianceReview = &consult.Review{Reviewer: "法务", ReviewedOn: d0, Approved: true, Conclusion: "不涉及国家秘密"}
	if err := c.Sign(d0, "合同扫描件"); err != nil {
		t.Fatal(err)
	}
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	c := contract()
	rec := func(s consult.Stage) consult.StageRecord {
		return consult.StageRecord{Stage: s, Summary: "完成", By: "mishu", At: d0}
	}
	var done []consult.StageRecord
	add := func(s consult.Stage, skip string) error {
		out, err := c.Advance(done, rec(s), skip)
		if err == nil {
			done = append(done, out...)
		}
		return err
	}
	if err := add("requirements", ""); err != nil {
		t.Fatal(err)
	}
	clause(t, add("planning", ""), "contract.stage_skipped", "7.3.1.1")
	if err := add("planning", "可行性已在需求阶段论证"); err != nil || len(done) != 3 {
		t.Fatalf("skip with reason: %v %d", err, len(done))
	}
	clause(t, add("requirements", ""), "contract.stage_backward", "7.3.1.1")
	if err := add("approval", ""); err != nil {
		t.Fatal(err)
	}
	clause(t, add("implementation", ""), "contract.unsigned", "7.3.1.1")
	c.Sign(d0, "合同")
	for _, s := range []consult.Stage{"implementation", "review"} {
		if err := add(s, ""); err != nil {
			t.Fatal(err)
		}
	}
	clause(t, add("closure", "跳过验收"), "contract.no_acceptance", "7.3.1.1")
	clause(t, add("performance_evaluation", "x"), "contract.not_closed", "7.3.1.1")
	for _, s := range []consult.Stage{"acceptance", "closure", "performance_evaluation"} {
		if err := add(s, ""); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBudget(t *testing.T) {
	t.Parallel()
	l := consult.BudgetLine{Name: "专家咨询费", AmountFen: 100000}
	if err := l.Charge(60000); err != nil {
		t.Fatal(err)
	}
	clause(t, l.Charge(40001), "contract.over_budget", "7.3.2.2")
	if err := l.Charge(40000); err != nil || l.SpentFen != 100000 {
		t.Fatal("the exact remainder fits")
	}
	if err := l.Charge(0); !errors.Is(err, errs.ErrInvalid) {
		t.Fatal("zero expense")
	}
}
