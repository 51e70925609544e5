package scorecard

import (
	"testing"
	"time"
)

// Every auto rule computed over facts for a passing association, a failing
// one, and (where the module can be empty) one without data.
func TestAutoRules(t *testing.T) {
	deadline := func(int) time.Time { return time.Date(2026, 6, 30, 23, 59, 59, 0, shanghai) }
	onTime, late := time.Date(2026, 5, 1, 0, 0, 0, 0, shanghai), time.Date(2026, 8, 1, 0, 0, 0, 0, shanghai)
	type want struct {
		value  int
		noData bool
		na     bool
	}
	cases := []struct {
		id   string
		set  func(*Facts)
		want want
	}{
		{"7.1.2.2", func(f *Facts) { f.Governance.CoreComplete = 3 }, want{value: 100}},
		{"7.1.2.2", func(f *Facts) { f.Governance.CoreComplete = 2 }, want{value: 67}},
		{"7.1.2.3", func(f *Facts) { f.Governance.Branches, f.Governance.NamedOK = 4, 4 }, want{value: 100}},
		{"7.1.2.3", func(f *Facts) { f.Governance.Branches, f.Governance.NamedOK = 4, 3 }, want{value: 75}},
		{"7.1.2.3", func(f *Facts) {}, want{na: true}},
		{"7.1.2.4", func(f *Facts) {}, want{value: 100}},
		{"7.1.2.4", func(f *Facts) { f.Governance.PendingPlace = 1 }, want{value: 50}},
		{"7.3.1.1", func(f *Facts) { f.Consulting.Closed, f.Consulting.FullLifecycle = 2, 2 }, want{value: 100}},
		{"7.3.1.1", func(f *Facts) { f.Consulting.Closed, f.Consulting.FullLifecycle = 2, 1 }, want{value: 50}},
		{"7.3.1.1", func(f *Facts) {}, want{noData: true}},
		{"7.3.3.1", func(f *Facts) {}, want{value: 100}},
		{"7.3.3.1", func(f *Facts) { f.Governance.OverdueElections = 1 }, want{value: 50}},
		{"7.3.3.1", func(f *Facts) { f.Governance.FullTimeOverLimit = 1 }, want{value: 0}},
		{"8.1.1.1", func(f *Facts) { f.Tiers.Active, f.Tiers.WithServices = 4, 4 }, want{value: 100}},
		{"8.1.1.1", func(f *Facts) { f.Tiers.Active, f.Tiers.WithServices = 5, 5 }, want{value: 0}},
		{"8.1.1.1", func(f *Facts) { f.Tiers.Active, f.Tiers.WithServices = 4, 3 }, want{value: 75}},
		{"8.1.1.1", func(f *Facts) {}, want{noData: true}},
		{"8.1.1.2", func(f *Facts) { f.Fees.Standards, f.Fees.Backed = 3, 3 }, want{value: 100}},
		{"8.1.1.2", func(f *Facts) { f.Fees.Standards, f.Fees.Backed = 3, 0 }, want{value: 0}},
		{"8.1.1.2", func(f *Facts) {}, want{noData: true}},
		{"8.1.1.3", func(f *Facts) { f.Fees.HasLastYearDues, f.Fees.LastYearPublishedAt = true, &onTime }, want{value: 100}},
		{"8.1.1.3", func(f *Facts) { f.Fees.HasLastYearDues, f.Fees.LastYearPublishedAt = true, &late }, want{value: 50}},
		{"8.1.1.3", func(f *Facts) { f.Fees.HasLastYearDues = true }, want{value: 0}},
		{"8.1.1.3", func(f *Facts) {}, want{noData: true}},
		{"8.1.2.1", func(f *Facts) { f.Members.Active = 10 }, want{value: 100}},
		{"8.1.2.1", func(f *Facts) {}, want{noData: true}},
		{"8.1.2.3", func(f *Facts) { f.Members.Active, f.Members.Complete = 10, 10 }, want{value: 100}},
		{"8.1.2.3", func(f *Facts) { f.Members.Active, f.Members.Complete = 10, 7 }, want{value: 70}},
		{"8.1.2.4", func(f *Facts) { f.Members.Active, f.Members.Classified, f.Members.Reviewed = 10, 10, 10 }, want{value: 100}},
		{"8.1.2.4", func(f *Facts) { f.Members.Active, f.Members.Classified, f.Members.Reviewed = 10, 10, 0 }, want{value: 50}},
		{"8.2.1.1", func(f *Facts) { f.Events.Led, f.Events.PlanComplete = 5, 5 }, want{value: 100}},
		{"8.2.1.1", func(f *Facts) { f.Events.Led, f.Events.PlanComplete = 5, 4 }, want{value: 80}},
		{"8.2.1.1", func(f *Facts) {}, want{noData: true}},
		{"8.2.1.3", func(f *Facts) { f.Events.DueAnonymise, f.Events.Anonymised = 2, 2 }, want{value: 100}},
		{"8.2.1.3", func(f *Facts) { f.Events.DueAnonymise, f.Events.Anonymised = 2, 0 }, want{value: 0}},
		{"8.2.1.4", func(f *Facts) { f.Events.Large, f.Events.LargeGated = 2, 2 }, want{value: 100}},
		{"8.2.1.4", func(f *Facts) { f.Events.Large, f.Events.LargeGated = 2, 1 }, want{value: 50}},
		{"8.2.1.6", func(f *Facts) { f.Events.Planned, f.Events.EmergencyOK = 4, 4 }, want{value: 100}},
		{"8.2.1.6", func(f *Facts) { f.Events.Planned, f.Events.EmergencyOK = 4, 1 }, want{value: 25}},
		{"8.2.2.5", func(f *Facts) { f.Consulting.Foreign, f.Consulting.ForeignReviewed = 1, 1 }, want{value: 100}},
		{"8.2.2.5", func(f *Facts) { f.Consulting.Foreign = 1 }, want{value: 0}},
		{"8.2.2.5", func(f *Facts) {}, want{na: true}},
		{"8.4.1.5", func(f *Facts) { f.Credit.Entries, f.Credit.Documented, f.Credit.Appeals, f.Credit.OnTime = 4, 4, 2, 2 }, want{value: 100}},
		{"8.4.1.5", func(f *Facts) { f.Credit.Entries, f.Credit.Documented, f.Credit.Appeals, f.Credit.OnTime = 4, 4, 2, 0 }, want{value: 50}},
		{"8.4.1.5", func(f *Facts) {}, want{noData: true}},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		rule, ok := autoRules[c.id]
		if !ok {
			t.Fatalf("%s: no auto rule", c.id)
		}
		seen[c.id] = true
		var f Facts
		c.set(&f)
		got, _ := rule.fn(f, deadline)
		if got.NoData != c.want.noData || got.NA != c.want.na || (got.Applicable() && got.Value != c.want.value) {
			t.Errorf("%s: got %+v, want %+v", c.id, got, c.want)
		}
	}
	for id := range autoRules {
		if !seen[id] {
			t.Errorf("auto rule %s has no case", id)
		}
	}
}
