package scorecard

import (
	"context"
	"time"
)

// Facts are the operational figures the auto indicators are computed from,
// read across the modules at one moment.
type Facts struct {
	Tiers struct{ Active, WithServices int }
	Fees  struct {
		Standards, Backed int
		// LastYearPublishedAt is when last year's disclosure was first
		// published, nil when it was not.
		LastYearPublishedAt *time.Time
		HasLastYearDues     bool
	}
	Members struct{ Active, Complete, Classified, Reviewed, Warned, WarningsDated int }
	Events  struct {
		Large, LargeGated        int // large events held in the period, and those with a complete gate
		Planned, EmergencyOK     int // events published or held, and those with a complete emergency plan
		DueAnonymise, Anonymised int // closed events past retention, and those anonymised
		Led, PlanComplete        int // events past planning, and those with lead, team, goals, plan and risks
	}
	Consulting struct {
		Closed, FullLifecycle    int
		Foreign, ForeignReviewed int
		Lines, LinesWithinBudget int
	}
	Credit struct {
		Entries, Documented int
		Appeals, OnTime     int
	}
	Governance struct {
		CoreComplete      int // of the three core bodies
		OverdueElections  int
		Branches, NamedOK int
		PendingPlace      int
		FullTimeOverLimit int
	}
	FindingsByClause map[string]int // open warning and critical findings
}

// FactsSource reads the facts.
type FactsSource interface {
	Facts(ctx context.Context, asOf time.Time, reviewMonths, retentionDays int) (Facts, error)
}
