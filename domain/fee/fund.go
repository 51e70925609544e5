package fee

import (
	"strings"
	"time"

	"huiguan/domain/errs"
)

// Category is what a fee-fund expense paid for (8.1.1.3).
type Category string

// Expense categories.
const (
	MemberService    Category = "member_service"
	BusinessActivity Category = "business_activity"
	Administration   Category = "administration"
	OtherExpense     Category = "other"
	// DuesIncome is the category of income from dues payments.
	DuesIncome Category = "dues"
)

// ParseCategory accepts the categories.
func ParseCategory(s string) (Category, error) {
	switch Category(s) {
	case MemberService, BusinessActivity, Administration, OtherExpense:
		return Category(s), nil
	}
	return "", errs.Field("category", "invalid")
}

// Direction of a fund entry.
type Direction string

// Fund entry directions.
const (
	Income  Direction = "income"
	Expense Direction = "expense"
)

// FundEntry is one line of the dedicated fee fund (专人专账). Income comes
// from dues payments (and their reversals); expenses are charged by finance
// with a responsible person. Entries are never edited or deleted.
type FundEntry struct {
	ID          int64
	Direction   Direction
	AmountFen   int64 // positive; a correction is an entry of the same direction and opposite sign citing the one corrected
	Category    Category
	Year        int
	PostedOn    time.Time
	Description string
	Responsible string
	Keeper      string // the fund's keeper when posted
	PaymentID   *int64
	ReversalOf  *int64
	CreatedBy   string
}

// CheckKeeper refuses posting to a fund without a named keeper (8.1.1.3).
func CheckKeeper(keeper string) error {
	if strings.TrimSpace(keeper) == "" {
		return errs.Rule("fund.no_keeper", ClauseLedger)
	}
	return nil
}

// NewExpense validates an expense charged to the fund.
func NewExpense(amountFen int64, category Category, postedOn time.Time, description, responsible, keeper string) (FundEntry, error) {
	fields := map[string]string{}
	if amountFen <= 0 {
		fields["amount_fen"] = "positive_fen"
	}
	if postedOn.IsZero() {
		fields["posted_on"] = "required"
	}
	if strings.TrimSpace(description) == "" {
		fields["description"] = "required"
	}
	if strings.TrimSpace(responsible) == "" {
		fields["responsible"] = "required"
	}
	if len(fields) > 0 {
		return FundEntry{}, errs.Invalid("request.invalid_fields", fields)
	}
	if err := CheckKeeper(keeper); err != nil {
		return FundEntry{}, err
	}
	return FundEntry{Direction: Expense, AmountFen: amountFen, Category: category, PostedOn: postedOn,
		Description: strings.TrimSpace(description), Responsible: strings.TrimSpace(responsible), Keeper: keeper}, nil
}

// MainUseShare is the share of expenses spent on member services and
// business activities, as parts per ten thousand (integers only), and
// whether there were expenses at all.
func MainUseShare(byCategory map[Category]int64) (int64, bool) {
	var total, main int64
	for c, v := range byCategory {
		total += v
		if c == MemberService || c == BusinessActivity {
			main += v
		}
	}
	if total <= 0 {
		return 0, false
	}
	return main * 10000 / total, true
}
