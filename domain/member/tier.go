package member

import (
	"strings"
	"unicode/utf8"

	"huiguan/domain/errs"
)

// MaxActiveTiers is the ceiling of 8.1.1.1: at most four member tiers.
const MaxActiveTiers = 4

// ClauseTiers is the clause on tiers and their single fee.
const ClauseTiers = "8.1.1.1"

// Tier is a membership grade (会员层级). It carries exactly one annual fee:
// there is no field for a second price, a range or a per-member discount, so
// sub-pricing inside a tier cannot be stored (8.1.1.1).
type Tier struct {
	ID           int64
	Name         string
	Rank         int
	AnnualFeeFen int64
	Services     []string // basic services published to members (8.1.1.1, 8.1.2.2)
	Rights       string
	Obligations  string
	Active       bool
}

// Validate checks a tier's own fields.
func (t Tier) Validate() error {
	fields := map[string]string{}
	name := strings.TrimSpace(t.Name)
	switch {
	case name == "":
		fields["name"] = "required"
	case utf8.RuneCountInString(name) > 64:
		fields["name"] = "too_long"
	}
	if t.AnnualFeeFen <= 0 {
		fields["annual_fee_fen"] = "positive_fen"
	}
	if t.Rank < 0 || t.Rank > 99 {
		fields["rank"] = "invalid"
	}
	if len(t.Services) == 0 {
		fields["services"] = "required"
	}
	for _, s := range t.Services {
		if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > 200 {
			fields["services"] = "invalid"
		}
	}
	if len(fields) > 0 {
		return errs.Invalid("request.invalid_fields", fields)
	}
	return nil
}

// CheckTierLimit refuses activating one more tier when activeOthers tiers are
// already active.
func CheckTierLimit(activeOthers int) error {
	if activeOthers >= MaxActiveTiers {
		return errs.Rule("tier.limit", ClauseTiers).With("max", MaxActiveTiers)
	}
	return nil
}
